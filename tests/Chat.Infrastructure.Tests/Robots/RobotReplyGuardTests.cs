using System.Runtime.CompilerServices;
using Chat.Application.Common.Interfaces;
using Chat.Infrastructure.Robots;
using Chat.Infrastructure.Tests.Robots.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using static Chat.Infrastructure.Tests.Robots.Support.RobotTestData;

namespace Chat.Infrastructure.Tests.Robots;

public sealed class RobotReplyGuardTests
{
    private const int SessionId = 42;
    private const string Model = "eliza";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly IChatClient _client = Substitute.For<IChatClient>();
    private readonly IRobotChatClients _clients = Substitute.For<IRobotChatClients>();
    private readonly FakeTimeProvider _time = new();
    private readonly CapturingLogger<RobotReplyGuard> _logger = new();
    private readonly RobotReplyGuard _guard;

    public RobotReplyGuardTests()
    {
        _clients.ClientFor(Model).Returns(_client);
        _guard = new RobotReplyGuard(_clients, Options.Create(new RobotOptions { ReplyTimeout = Timeout }), _time, _logger);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reply_WhenModelAnswers_ReturnsTheWholeTextTrimmed()
    {
        Streams(Updates("  hey ", "there", " :)  "));

        var reply = await Ask();

        Assert.Equal("hey there :)", reply);
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public async Task Reply_PassesTheConversationToTheModel()
    {
        Streams(Updates("ok"));
        await _guard.ReplyAsync(SessionId, Model, Heard("alice", "hi"), Cancel);

        _client.Received(1).GetStreamingResponseAsync(
            Arg.Is<IEnumerable<ChatMessage>>(sent => sent.Select(m => m.Text).SequenceEqual(new[] { RobotTranscript.SystemPrompt(RobotName), "alice: hi" })),
            Arg.Any<ChatOptions?>(),
            Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("maya92: lol same", "lol same")]
    [InlineData("Maya92:   lol same", "lol same")]
    [InlineData("alice: lol same", "alice: lol same")]
    public async Task Reply_TakesTheRobotsOwnNameOffTheFront(string said, string reply)
    {
        Streams(Updates(said));

        Assert.Equal(reply, await Ask());
    }

    [Fact]
    public async Task Reply_ThatIsOnlyTheRobotsName_IsNull()
    {
        Streams(Updates("maya92: "));

        Assert.Null(await Ask());
    }

    [Fact]
    public async Task Reply_WhenProviderFails_IsNullAndLogsSessionModelAndFailure()
    {
        var failure = new RobotProviderException(Model, RobotFailure.ErrorStatus, 500, new InvalidOperationException("boom"));
        StreamCall().Returns(_ => throw failure);

        var reply = await Ask();

        Assert.Null(reply);
        var entry = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Same(failure, entry.Exception);
        AssertNamesSessionAndModel(entry);
        Assert.Equal(RobotFailure.ErrorStatus, entry.Values["Failure"]);
    }

    [Fact]
    public async Task Reply_WhenStreamFailsMidway_IsNullRatherThanTheFirstWords()
    {
        Streams(FailingAfter(["so i was", " thinking"], new RobotProviderException(Model, RobotFailure.Unreachable, null, new IOException("reset"))));

        var reply = await Ask();

        Assert.Null(reply);
        AssertNamesSessionAndModel(Assert.Single(_logger.Entries));
    }

    [Fact]
    public async Task Reply_WhenSomethingUnexpectedBreaks_IsNullAndLogsAnError()
    {
        StreamCall().Throws(new InvalidOperationException("A bug, not a provider failure."));

        var reply = await Ask();

        Assert.Null(reply);
        var entry = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        AssertNamesSessionAndModel(entry);
    }

    [Fact]
    public async Task Reply_WhenModelIsNoLongerOffered_IsNull()
    {
        _clients.ClientFor("gone").Throws(new ArgumentException("The robot model 'gone' is not offered."));

        var reply = await _guard.ReplyAsync(SessionId, "gone", Heard("alice", "hi"), cancellationToken: Cancel);

        Assert.Null(reply);
        Assert.Equal("gone", Assert.Single(_logger.Entries).Values["Model"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t ")]
    [InlineData("hi\u0000there")]
    [InlineData("ok\u001b[31m")]
    public async Task Reply_WhenAnswerIsGarbage_IsNullAndLogged(string answer)
    {
        Streams(Updates(answer));

        var reply = await Ask();

        Assert.Null(reply);
        AssertNamesSessionAndModel(Assert.Single(_logger.Entries));
    }

    [Fact]
    public async Task Reply_WhenAnswerHasNoTextAtAll_IsNull()
    {
        Streams(Updates());

        Assert.Null(await Ask());
    }

    [Fact]
    public async Task Reply_OfExactlyTheMessageLimit_IsKept()
    {
        var longest = new string('a', Domain.Messages.ChatMessage.MaxLength);
        Streams(Updates(longest));

        Assert.Equal(longest, await Ask());
    }

    [Fact]
    public async Task Reply_LongerThanAMessageMayBe_IsNull()
    {
        Streams(Updates(new string('a', Domain.Messages.ChatMessage.MaxLength), "!"));

        Assert.Null(await Ask());
    }

    [Fact]
    public async Task Reply_WhenModelRambleOnForever_StopsReadingAndIsNull()
    {
        Streams(Endless());

        Assert.Null(await Ask());
    }

    [Fact]
    public async Task Reply_WhenModelIsSilent_IsNullOnceTheReplyTimeoutPasses()
    {
        StreamCall()
            .Returns(call => SilentUntilCancelled(call.ArgAt<CancellationToken>(2)));

        var pending = Ask();
        _time.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        Assert.False(pending.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Null(await pending);
        var entry = Assert.Single(_logger.Entries);
        AssertNamesSessionAndModel(entry);
        Assert.Equal(Timeout, entry.Values["Timeout"]);
    }

    [Fact]
    public async Task Reply_WhenModelIgnoresCancellation_StillGivesUpAtTheReplyTimeout()
    {
        var never = new TaskCompletionSource();
        Streams(Ignoring(never.Task));

        var pending = Ask();
        _time.Advance(Timeout);

        Assert.Null(await pending.WaitAsync(TimeSpan.FromSeconds(10), Cancel));
        never.SetResult();
    }

    [Fact]
    public async Task Reply_WhenCallerCancels_ThrowsCancellation()
    {
        StreamCall()
            .Returns(call => SilentUntilCancelled(call.ArgAt<CancellationToken>(2)));
        using var stopping = new CancellationTokenSource();

        var pending = _guard.ReplyAsync(SessionId, Model, Heard("alice", "hi"), cancellationToken: stopping.Token);
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.Empty(_logger.Entries);
    }

    private Task<string?> Ask() => _guard.ReplyAsync(SessionId, Model, Heard("alice", "hi"), cancellationToken: Cancel);

    private void Streams(IAsyncEnumerable<ChatResponseUpdate> updates) => StreamCall().Returns(updates);

    private IAsyncEnumerable<ChatResponseUpdate> StreamCall() =>
        _client.GetStreamingResponseAsync(Arg.Any<IEnumerable<ChatMessage>>(), Arg.Any<ChatOptions?>(), Arg.Any<CancellationToken>());

    private static void AssertNamesSessionAndModel(LogEntry entry)
    {
        Assert.Equal(SessionId, entry.Values["SessionId"]);
        Assert.Equal(Model, entry.Values["Model"]);
    }

#pragma warning disable CS1998 // Fake streams need no await to be async streams.
    private static async IAsyncEnumerable<ChatResponseUpdate> Updates(params string[] texts)
    {
        foreach (var text in texts)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, text);
        }
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> FailingAfter(string[] texts, Exception failure)
    {
        foreach (var text in texts)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, text);
        }

        throw failure;
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Endless()
    {
        while (true)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, "blah ");
        }
    }
#pragma warning restore CS1998

    private static async IAsyncEnumerable<ChatResponseUpdate> SilentUntilCancelled(
        CancellationToken token,
        [EnumeratorCancellation] CancellationToken enumeration = default)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(token, enumeration);
        await Task.Delay(System.Threading.Timeout.Infinite, both.Token);
        yield break;
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Ignoring(Task release)
    {
        await release;
        yield return new ChatResponseUpdate(ChatRole.Assistant, "too late");
    }
}
