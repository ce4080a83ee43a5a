using System.Diagnostics;
using Chat.Web.Hubs;
using Chat.Web.Telemetry;
using Chat.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Chat.Web.Tests;

/// <summary>
/// The hub's requests run without the request's activity unless traces are exported, so
/// SignalR has none to take off and put back around each hub call; every other request keeps it.
/// </summary>
public sealed class HubRequestActivityTests(ProbedApp app) : IClassFixture<ProbedApp>
{
    /// <summary>The whole pipeline: SignalR calls a connection's hub filters with whatever its request left current.</summary>
    [Fact]
    public async Task HubConnection_OfTheService_OpensWithoutTheRequestActivity()
    {
        var alice = await app.SignUp();

        await alice.Connect();

        var opening = await app.OpeningOf(alice.Username);
        Assert.False(opening.HadActivity, "The hub connection's request kept its activity.");
    }

    [Fact]
    public async Task HubRequest_WithoutExportedTraces_RunsWithoutTheRequestActivity()
    {
        using var request = new Activity("request").Start();

        var seen = await ActivitySeenBy("/chat", tracesExported: false);

        Assert.Null(seen);
    }

    [Fact]
    public async Task HubRequest_WithExportedTraces_KeepsTheRequestActivity()
    {
        using var request = new Activity("request").Start();

        var seen = await ActivitySeenBy("/chat", tracesExported: true);

        Assert.Same(request, seen);
    }

    [Theory]
    [InlineData("/api/lobby")]
    [InlineData("/chatroom")]
    public async Task OtherRequests_KeepTheRequestActivity(string path)
    {
        using var request = new Activity("request").Start();

        var seen = await ActivitySeenBy(path, tracesExported: false);

        Assert.Same(request, seen);
    }

    /// <summary>Runs the middleware for a request to <paramref name="path"/> and returns the activity the rest of the pipeline sees as current.</summary>
    private static async Task<Activity?> ActivitySeenBy(string path, bool tracesExported)
    {
        Activity? seen = null;
        var settings = tracesExported ? new Dictionary<string, string?> { [TelemetrySetup.EndpointSetting] = "http://localhost:4317" } : [];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var middleware = new HubRequestActivity(
            _ =>
            {
                seen = Activity.Current;
                return Task.CompletedTask;
            },
            configuration);

        await middleware.InvokeAsync(new DefaultHttpContext { Request = { Path = path } });

        return seen;
    }
}
