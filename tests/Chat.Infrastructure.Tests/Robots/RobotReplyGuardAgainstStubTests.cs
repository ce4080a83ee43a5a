using System.Diagnostics;
using Chat.Infrastructure.Robots;
using Chat.Infrastructure.Tests.Robots.Support;
using Microsoft.Extensions.Options;
using static Chat.Infrastructure.Tests.Robots.Support.RobotTestData;

namespace Chat.Infrastructure.Tests.Robots;

/// <summary>The guard around a real OpenAI-compatible client, where time is wall-clock time.</summary>
public sealed class RobotReplyGuardAgainstStubTests
{
    private const int SessionId = 7;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reply_WhenEveryChunkIsPromptButTheWholeStreamTooSlow_IsNullAtTheReplyTimeout()
    {
        var chunks = Enumerable.Range(0, 20).Select(i => $"word{i} ").ToArray();
        await using var server = await StubCompletionsServer.StartAsync(StubReplies.SlowStream(chunks, TimeSpan.FromMilliseconds(300)));
        var logger = new CapturingLogger<RobotReplyGuard>();
        using var clients = ClientsFor(server.Endpoint, TimeSpan.FromSeconds(1));
        var guard = GuardFor(clients, server, TimeSpan.FromSeconds(1), logger);
        var clock = Stopwatch.StartNew();

        var reply = await guard.ReplyAsync(SessionId, StubModelKey, Heard("alice", "tell me a story"), cancellationToken: Cancel);

        Assert.Null(reply);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(SessionId, entry.Values["SessionId"]);
        Assert.Equal(StubModelKey, entry.Values["Model"]);
    }

    [Fact]
    public async Task Reply_WhenStreamIsSlowButWithinTheReplyTimeout_IsTheWholeText()
    {
        await using var server = await StubCompletionsServer.StartAsync(StubReplies.SlowStream(["hmm", " not", " sure", " tbh"], TimeSpan.FromMilliseconds(50)));
        using var clients = ClientsFor(server.Endpoint, TimeSpan.FromSeconds(30));
        var guard = GuardFor(clients, server, TimeSpan.FromSeconds(30), new CapturingLogger<RobotReplyGuard>());

        var reply = await guard.ReplyAsync(SessionId, StubModelKey, Heard("alice", "who is the bot?"), cancellationToken: Cancel);

        Assert.Equal("hmm not sure tbh", reply);
    }

    [Fact]
    public async Task Reply_WhenEndpointFails_IsNull()
    {
        await using var server = await StubCompletionsServer.StartAsync(StubReplies.Status(503));
        var logger = new CapturingLogger<RobotReplyGuard>();
        using var clients = ClientsFor(server.Endpoint, TimeSpan.FromSeconds(30));
        var guard = GuardFor(clients, server, TimeSpan.FromSeconds(30), logger);

        var reply = await guard.ReplyAsync(SessionId, StubModelKey, Heard("alice", "hi"), cancellationToken: Cancel);

        Assert.Null(reply);
        Assert.Contains("ErrorStatus", Assert.Single(logger.Entries).Message, StringComparison.Ordinal);
    }

    private static RobotReplyGuard GuardFor(RobotChatClients clients, StubCompletionsServer server, TimeSpan timeout, CapturingLogger<RobotReplyGuard> logger) =>
        new(clients, Options.Create(OptionsFor(server.Endpoint, timeout)), TimeProvider.System, logger);
}
