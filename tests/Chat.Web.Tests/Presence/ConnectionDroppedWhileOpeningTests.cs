using Chat.Web.Tests.Presence.Support;
using Microsoft.Data.Sqlite;

namespace Chat.Web.Tests.Presence;

public sealed class ConnectionDroppedWhileOpeningTests(OneServer servers) : IClassFixture<OneServer>
{
    /// <summary>
    /// SignalR calls OnDisconnectedAsync only after OnConnectedAsync succeeded. A
    /// client that goes while its connection is being recorded must leave nothing
    /// behind: no entry this process would go on vouching for in its heartbeat,
    /// no open row, no error.
    /// </summary>
    [Fact]
    public async Task AClientThatGoesWhileItsConnectionIsBeingRecorded_LeavesNothingOpen()
    {
        var app = servers.A;
        await using var alice = await Person.SignUp(app, "alice");
        var aliceId = await alice.Id(app);

        await using (var writer = new SqliteConnection($"Data Source={app.DatabasePath}"))
        {
            // Another writer holds the database, so recording the connection has to wait.
            await writer.OpenAsync(TestContext.Current.CancellationToken);
            await using var hold = writer.BeginTransaction(deferred: false);
            var line = await alice.Connect(app);
            await line.DisposeAsync();

            // Nothing outside the server shows when it has seen the client go; give it a moment.
            await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        }

        await Eventually.True(async () => await app.OpenConnectionRows(aliceId) == 0, "no open row of alice's");
        await Eventually.True(() => Task.FromResult(!app.LocalConnections.Values.Contains(aliceId)), "the server to let go of alice's connection");
        // A use case that waited for the test's lock is reported as slow, which is no problem here.
        Assert.DoesNotContain(app.Log.Problems, e => !e.Category.EndsWith(".PerformanceBehaviour", StringComparison.Ordinal));
    }
}
