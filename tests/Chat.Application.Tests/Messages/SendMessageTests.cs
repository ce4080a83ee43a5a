using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Mapping;
using System.Diagnostics.CodeAnalysis;
using Chat.Application.Common.Models;
using Chat.Application.Messages.SendMessage;
using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Chat.Application.Tests.Messages;

public sealed class SendMessageTests
{
    private const int AliceId = 7;

    private readonly IMessageLog _log = Substitute.For<IMessageLog>();
    private readonly IChatBroadcaster _broadcaster = Substitute.For<IChatBroadcaster>();
    private readonly IRobotTurns _robots = Substitute.For<IRobotTurns>();
    private readonly FakeTimeProvider _clock = new(Build.Start);

    [Fact]
    public async Task Send_AsSomeoneElse_IsForbidden_AndNothingIsStoredOrBroadcast()
    {
        var refused = await Assert.ThrowsAsync<ForbiddenAccessException>(
            () => Send(Build.Caller(AliceId, "alice"), new SendMessage("bob", "lounge", "hi, I'm bob")));

        Assert.Equal("You can only send messages as alice.", refused.Message);
        Assert.Empty(_log.ReceivedCalls());
        Assert.Empty(_broadcaster.ReceivedCalls());
    }

    [Fact]
    public async Task Send_WithoutASignIn_IsUnauthorized_AndNothingIsStored()
    {
        await Assert.ThrowsAsync<UnauthorizedException>(() => Send(Build.Anonymous(), new SendMessage("alice", "lounge", "hi")));

        Assert.Empty(_log.ReceivedCalls());
    }

    [Fact]
    public async Task Send_HandsTheLogTheTextExactly_WithTheCallersNameAndTheTime()
    {
        LogAnswers(draft => Stored(draft, id: 1));
        const string text = "  שלום 👋🏽 مرحبا  ";

        await Send(Build.Caller(AliceId, "alice"), new SendMessage("alice", "lounge", text));

        await _log.Received(1).Append(new MessageDraft(AliceId, "alice", RoomName.Of("lounge"), text, Build.Start), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Send_BroadcastsOnlyOnceStored_ExactlyTheStoredMessage()
    {
        var append = new TaskCompletionSource<MessageOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        LogAnswers(_ => new ValueTask<MessageOutcome>(append.Task));

        // The room must see what the log stored (its id, its instant), not the draft.
        var stored = Build.StoredMessage(42, sessionId: 3, AliceId, "alice", "hello", Build.Start.AddSeconds(1));
        var sending = Send(Build.Caller(AliceId, "alice"), new SendMessage("alice", "Lounge", "hello"));

        Assert.False(sending.IsCompleted);
        Assert.Empty(_broadcaster.ReceivedCalls());

        append.SetResult(MessageOutcome.Stored(new PostedMessage(stored, "lounge")));
        var returned = await sending;

        var expected = new MessageDto(42, 3, "lounge", "alice", "hello", Build.Start.AddSeconds(1), MessageKind.Chat, Seq: 1, ClientMsgId: null);
        Assert.Equal(expected, returned);
        await _broadcaster.Received(1).MessagePosted(expected, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Send_WhenTheSenderHangsUpWhileItIsStored_StillBroadcastsTheStoredMessage()
    {
        var append = new TaskCompletionSource<MessageOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        LogAnswers(_ => new ValueTask<MessageOutcome>(append.Task));
        using var hangUp = new CancellationTokenSource();
        var sending = new SendMessageHandler(_log, Build.Caller(AliceId, "alice"), _broadcaster, _robots, _clock)
            .Handle(new SendMessage("alice", "lounge", "bye"), hangUp.Token).AsTask();

        await hangUp.CancelAsync();
        append.SetResult(MessageOutcome.Stored(new PostedMessage(Build.StoredMessage(5, sessionId: 3, AliceId, "alice", "bye", Build.Start), "lounge")));
        await sending;

        await _broadcaster.Received(1).MessagePosted(Arg.Is<MessageDto>(m => m.Id == 5), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(MessageRefusal.NoSuchRoom, typeof(NotFoundException), "There is no session named 'lounge'.")]
    [InlineData(MessageRefusal.NotAPlayer, typeof(ForbiddenAccessException), "You are not a player of 'lounge'.")]
    [InlineData(MessageRefusal.SessionEnded, typeof(ConflictException), "The session 'lounge' has ended.")]
    public async Task Send_WhenTheLogRefuses_SaysWhy_AndBroadcastsNothing(MessageRefusal refusal, Type expected, string reason)
    {
        LogAnswers(_ => ValueTask.FromResult(MessageOutcome.Refused(refusal, "lounge")));

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => Send(Build.Caller(AliceId, "alice"), new SendMessage("alice", "lounge", "hi")));

        Assert.IsType(expected, refused);
        Assert.Equal(reason, refused.Message);
        Assert.Empty(_broadcaster.ReceivedCalls());
    }

    [Fact]
    public async Task Send_TheRoomsRobotHearsTheStoredMessage_AfterTheRoomDoes()
    {
        LogAnswers(draft => Stored(draft, id: 5));

        var sent = await Send(Build.Caller(AliceId, "alice"), new SendMessage("alice", "lounge", "anyone here?"));

        Received.InOrder(() =>
        {
            _broadcaster.MessagePosted(sent, Arg.Any<CancellationToken>());
            _robots.Heard(sent);
        });
    }

    [Fact]
    public async Task Send_WhenTheLogRefuses_TheRobotHearsNothing()
    {
        LogAnswers(_ => ValueTask.FromResult(MessageOutcome.Refused(MessageRefusal.SessionEnded, "lounge")));

        await Assert.ThrowsAsync<ConflictException>(() => Send(Build.Caller(AliceId, "alice"), new SendMessage("alice", "lounge", "hi")));

        Assert.Empty(_robots.ReceivedCalls());
    }

    [Fact]
    public async Task Send_FromTheOtherSpellingOfTheCallersName_IsAccepted()
    {
        LogAnswers(draft => Stored(draft, id: 1));

        var sent = await Send(Build.Caller(AliceId, "Zo\u00EB"), new SendMessage("Zoe\u0308", "lounge", "hi"));

        Assert.Equal("Zo\u00EB", sent.From);
    }

    [SuppressMessage("Reliability", "CA2012", Justification = "Setting up a substitute calls Append without consuming a ValueTask.")]
    private void LogAnswers(Func<MessageDraft, ValueTask<MessageOutcome>> answer) =>
        _log.Append(Arg.Any<MessageDraft>(), Arg.Any<CancellationToken>()).Returns(call => answer(call.Arg<MessageDraft>()));

    private static ValueTask<MessageOutcome> Stored(MessageDraft draft, long id) =>
        ValueTask.FromResult(MessageOutcome.Stored(new PostedMessage(
            Build.StoredMessage(id, sessionId: 3, draft.SenderId, draft.Sender, draft.Text, draft.Timestamp),
            draft.Room.Value)));

    private Task<MessageDto> Send(ICurrentUser caller, SendMessage command) =>
        new SendMessageHandler(_log, caller, _broadcaster, _robots, _clock).Handle(command, Ct).AsTask();
}
