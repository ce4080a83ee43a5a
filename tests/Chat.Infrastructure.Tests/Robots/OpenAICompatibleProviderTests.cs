using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Chat.Application.Common.Interfaces;
using Chat.Infrastructure.Robots;
using Chat.Infrastructure.Tests.Robots.Support;
using Microsoft.Extensions.AI;
using static Chat.Infrastructure.Tests.Robots.Support.RobotTestData;

namespace Chat.Infrastructure.Tests.Robots;

/// <summary>The OpenAI-compatible provider as the robot uses it, against a local stub of the wire format.</summary>
public sealed class OpenAICompatibleProviderTests
{
    /// <summary>For the tests about timing out; the others use <see cref="Generous"/> so a busy machine cannot fail them.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    /// <summary>Well past <see cref="Timeout"/>, yet far below the stub's 30 s of silence.</summary>
    private static readonly TimeSpan GaveUpPromptly = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetResponse_WhenEndpointAnswers_ReturnsItsTextAndSendsModelKeyAndConversation()
    {
        await using var server = await StubCompletionsServer.StartAsync(StubReplies.Answer("hey, not much. you?"));
        using var clients = ClientsFor(server.Endpoint, Generous);

        var response = await clients.ClientFor(StubModelKey).GetResponseAsync(Conversation(Said("alice", "hi what's up")), cancellationToken: Cancel);

        Assert.Equal("hey, not much. you?", response.Text);
        var request = Assert.Single(server.Requests);
        Assert.Equal(StubProviderModel, request.Model);
        Assert.Equal("Bearer sekrit", request.Authorization);
        Assert.Contains(("user", "hi what's up"), request.Messages);
    }

    [Fact]
    public async Task GetResponse_WhenNoApiKeyIsConfigured_StillCallsTheLocalServer()
    {
        await using var server = await StubCompletionsServer.StartAsync(StubReplies.Answer("yo"));
        using var clients = ClientsFor(server.Endpoint, Generous, apiKey: "");

        var response = await clients.ClientFor(StubModelKey).GetResponseAsync(Conversation(Said("bob", "hello")), cancellationToken: Cancel);

        Assert.Equal("yo", response.Text);
    }

    [Fact]
    public async Task GetStreamingResponse_WhenEndpointStreams_YieldsTheWholeTextInOrder()
    {
        await using var server = await StubCompletionsServer.StartAsync(StubReplies.Answer("pizza is always the answer"));
        using var clients = ClientsFor(server.Endpoint, Generous);

        var updates = await clients.ClientFor(StubModelKey).GetStreamingResponseAsync(Conversation(Said("alice", "food?")), cancellationToken: Cancel).ToListAsync(Cancel);

        Assert.Equal("pizza is always the answer", string.Concat(updates.Select(u => u.Text)));
        Assert.True(Assert.Single(server.Requests).Stream);
    }

    [Fact]
    public async Task GetResponse_WhenEndpointFailsWith500_ThrowsErrorStatusWithoutRetrying()
    {
        await using var server = await StubCompletionsServer.StartAsync(StubReplies.Status(500));
        using var clients = ClientsFor(server.Endpoint, Generous);

        var failure = await Assert.ThrowsAsync<RobotProviderException>(() => clients.ClientFor(StubModelKey).GetResponseAsync(Conversation(Said("alice", "hi")), cancellationToken: Cancel));

        Assert.Equal(RobotFailure.ErrorStatus, failure.Failure);
        Assert.Equal(500, failure.Status);
        Assert.Equal(StubModelKey, failure.Model);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetResponse_WhenBodyIsMalformed_ThrowsMalformedReply()
    {
        await using var server = await StubCompletionsServer.StartAsync(StubReplies.Malformed());
        using var clients = ClientsFor(server.Endpoint, Generous);

        var failure = await Assert.ThrowsAsync<RobotProviderException>(() => clients.ClientFor(StubModelKey).GetResponseAsync(Conversation(Said("alice", "hi")), cancellationToken: Cancel));

        Assert.Equal(RobotFailure.MalformedReply, failure.Failure);
    }

    [Fact]
    public async Task GetStreamingResponse_WhenAnEventIsMalformed_ThrowsMalformedReply()
    {
        await using var server = await StubCompletionsServer.StartAsync(StubReplies.MalformedStream());
        using var clients = ClientsFor(server.Endpoint, Generous);

        var failure = await Assert.ThrowsAsync<RobotProviderException>(async () =>
            await clients.ClientFor(StubModelKey).GetStreamingResponseAsync(Conversation(Said("alice", "hi")), cancellationToken: Cancel).ToListAsync(Cancel));

        Assert.Equal(RobotFailure.MalformedReply, failure.Failure);
    }

    [Fact]
    public async Task GetResponse_WhenEndpointStaysSilent_GivesUpWithinTheConfiguredTimeout()
    {
        await ProviderWarmup.EnsureAsync();
        await using var server = await StubCompletionsServer.StartAsync(StubReplies.Silent(TimeSpan.FromSeconds(30), "too late"));
        using var clients = ClientsFor(server.Endpoint, Timeout);
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<RobotProviderException>(() => clients.ClientFor(StubModelKey).GetResponseAsync(Conversation(Said("alice", "hi")), cancellationToken: Cancel));

        Assert.Equal(RobotFailure.Timeout, failure.Failure);
        Assert.InRange(clock.Elapsed, Timeout * 0.9, GaveUpPromptly);
    }

    [Fact]
    public async Task GetStreamingResponse_WhenTheStreamStalls_GivesUpWithinTheConfiguredTimeout()
    {
        await ProviderWarmup.EnsureAsync();
        await using var server = await StubCompletionsServer.StartAsync(StubReplies.SlowStream(["well", " actually", " i think"], TimeSpan.FromSeconds(30)));
        using var clients = ClientsFor(server.Endpoint, Timeout);
        var received = new List<string>();
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<RobotProviderException>(async () =>
        {
            await foreach (var update in clients.ClientFor(StubModelKey).GetStreamingResponseAsync(Conversation(Said("alice", "hi")), cancellationToken: Cancel))
            {
                received.Add(update.Text);
            }
        });

        Assert.Equal(RobotFailure.Timeout, failure.Failure);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, GaveUpPromptly);
        Assert.Equal("well", string.Concat(received));
    }

    [Fact]
    public async Task GetStreamingResponse_WhenTheConnectionDropsMidStream_ThrowsUnreachable()
    {
        await using var server = await StubCompletionsServer.StartAsync(StubReplies.DroppedStream("so basically"));
        using var clients = ClientsFor(server.Endpoint, Generous);

        var failure = await Assert.ThrowsAsync<RobotProviderException>(async () =>
            await clients.ClientFor(StubModelKey).GetStreamingResponseAsync(Conversation(Said("alice", "hi")), cancellationToken: Cancel).ToListAsync(Cancel));

        Assert.Equal(RobotFailure.Unreachable, failure.Failure);
    }

    [Fact]
    public async Task GetResponse_WhenNothingListens_ThrowsUnreachable()
    {
        using var clients = ClientsFor(new Uri($"http://127.0.0.1:{ClosedPort()}/v1"), Generous);

        var failure = await Assert.ThrowsAsync<RobotProviderException>(() => clients.ClientFor(StubModelKey).GetResponseAsync(Conversation(Said("alice", "hi")), cancellationToken: Cancel));

        Assert.Equal(RobotFailure.Unreachable, failure.Failure);
    }

    [Fact]
    public async Task GetResponse_WhenTheCallerCancels_ThrowsCancellationNotAProviderFailure()
    {
        await using var server = await StubCompletionsServer.StartAsync(StubReplies.Silent(TimeSpan.FromSeconds(30), "too late"));
        using var clients = ClientsFor(server.Endpoint, TimeSpan.FromSeconds(30));
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        caller.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => clients.ClientFor(StubModelKey).GetResponseAsync(Conversation(Said("alice", "hi")), cancellationToken: caller.Token));
    }

    /// <summary>A loopback port that was free a moment ago and has nobody listening.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
