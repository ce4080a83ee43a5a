using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using Chat.Cluster.Tests.Infrastructure;

namespace Chat.Cluster.Tests;

/// <summary>
/// A hub connection opened while the database is stopped cannot have its sign-in
/// checked: it is refused as a REST call is, with the 503 problem and a time to try
/// again (not a 500, not a hang), on negotiate and on the WebSocket request itself,
/// and the same cookie connects once the database is back, without a restart.
/// </summary>
public sealed class DatabaseOutageTests(ChatCluster cluster)
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AHubConnect_WhileTheDatabaseIsStopped_Is503_AndConnectsOnceItIsBack()
    {
        await cluster.Ready();
        var node = cluster.NodeA.BaseAddress;
        await using var alice = await Player.SignUp(node);

        await cluster.StopDatabase();
        try
        {
            using var negotiate = await alice.Http.PostAsync(new Uri("/chat/negotiate?negotiateVersion=1", UriKind.Relative), content: null, Ct).WaitAsync(Prompt, Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, negotiate.StatusCode);
            Assert.Equal("application/problem+json", negotiate.Content.Headers.ContentType?.MediaType);
            Assert.True(negotiate.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 says when to try again");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, await WebSocketUpgrade(node, alice).WaitAsync(Prompt, Ct));
        }
        finally
        {
            await cluster.StartDatabase();
        }

        var clock = Stopwatch.StartNew();
        while (await WebSocketUpgrade(node, alice) != HttpStatusCode.SwitchingProtocols)
        {
            Assert.True(clock.Elapsed < Prompt, "The hub still refused the connection 30 s after the database was back.");
            await Task.Delay(200, Ct);
        }

        await using var connected = await alice.Connect();

        // The old server's connections may linger in the nodes' pools: start the next test clean.
        await cluster.RestartNodes();
    }

    /// <summary>The status the hub's WebSocket request is answered with, as a client that skips negotiation sends it.</summary>
    private static async Task<HttpStatusCode> WebSocketUpgrade(Uri node, Player player)
    {
        using var socket = new ClientWebSocket();
        socket.Options.Cookies = player.Cookies;
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(new Uri($"ws://{node.Authority}/chat"), Ct);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, Ct);
        }
        catch (WebSocketException)
        {
            // Refused: the status says why.
        }

        return socket.HttpStatusCode;
    }
}
