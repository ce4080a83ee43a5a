using System.Diagnostics.Metrics;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests;

/// <summary>
/// An open hub connection that says nothing holds no more than its connection: the
/// sign-in check each connection passes through does not keep a database context out
/// of the pool for as long as the client stays. Reads EF Core's process-wide count of
/// live contexts, so it runs where no other test is creating them.
/// </summary>
[Collection(HeavyLoadCollection.Name)]
public sealed class IdleConnectionTests(ChatApp app) : IClassFixture<ChatApp>
{
    private const int Connections = 20;

    [Fact]
    public async Task Hub_OpenConnections_DoNotEachKeepADatabaseContext()
    {
        var people = await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => app.SignUp()));
        var before = LiveDatabaseContexts();

        foreach (var person in people)
        {
            await person.Connect();
        }

        var kept = LiveDatabaseContexts() - before;
        Assert.True(kept < Connections / 2, $"{Connections} open connections kept {kept} more database contexts alive.");
    }

    /// <summary>EF Core's <c>microsoft.entityframeworkcore.active_dbcontexts</c>: contexts created and not yet disposed, pooled ones included.</summary>
    private static long LiveDatabaseContexts()
    {
        long count = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument is { Meter.Name: "Microsoft.EntityFrameworkCore", Name: "microsoft.entityframeworkcore.active_dbcontexts" })
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => count += value);
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => count += value);
        listener.Start();
        listener.RecordObservableInstruments();
        return count;
    }
}
