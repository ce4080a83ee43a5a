using System.Diagnostics.CodeAnalysis;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Robots.TakeRobotTurn;
using Chat.Domain.Messages;
using Chat.Domain.Robots;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Chat.Infrastructure.Robots.Leases;
using NSubstitute;
using DomainMessage = Chat.Domain.Messages.ChatMessage;

namespace Chat.Application.Tests.Robots;

public sealed class TakeRobotTurnTests : IDisposable
{
    private const string Model = "eliza";

    private readonly TestDatabase _data = new();
    private readonly IRobotReplies _replies = Substitute.For<IRobotReplies>();
    private readonly IMessageLog _log = Substitute.For<IMessageLog>();
    private readonly IChatBroadcaster _broadcaster = Substitute.For<IChatBroadcaster>();
    private readonly ServerIdentity _server = new();
    private RobotConversation? _asked;

    public TakeRobotTurnTests()
    {
        LogStores();
        ModelSays("hey there");
    }

    [Fact]
    public async Task Turn_AfterAPlayersMessage_PostsTheModelsReplyAsTheRobot_LikeAPlayersMessage()
    {
        var (alice, robot, sessionId) = await RoomWithRobot();
        await _data.AddMessages(alice, "lounge", "hi all");
        ModelSays("hey alice");

        var posted = await Turn(sessionId);

        var sent = (MessageDraft)Assert.Single(_log.ReceivedCalls()).GetArguments()[0]!;
        Assert.Equal(new MessageDraft(robot.Id, "maya92", RoomName.Of("lounge"), "hey alice", _data.Clock.GetUtcNow(), sent.ClientMsgId), sent);
        Assert.NotNull(posted);
        Assert.Equal(("maya92", "hey alice", MessageKind.Chat, "lounge"), (posted.From, posted.Message, posted.Kind, posted.Room));
        await _broadcaster.Received(1).MessagePosted(posted, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Turn_PostsWithAClientMsgIdShapedLikeThePages_AFreshOneEachTime()
    {
        var (alice, _, sessionId) = await RoomWithRobot();
        await _data.AddMessages(alice, "lounge", "hi all");
        var first = await Turn(sessionId);
        await _data.AddMessages(alice, "lounge", "how are you?");

        var second = await Turn(sessionId);

        var ids = _log.ReceivedCalls().Select(c => ((MessageDraft)c.GetArguments()[0]!).ClientMsgId).ToList();
        Assert.Equal(2, ids.Count);
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.NotEqual(ids[0], ids[1]);
        Assert.Equal(ids, [first!.ClientMsgId, second!.ClientMsgId]);
    }

    [Fact]
    public async Task Turn_ForARobotSeatedButNotYetInTheRoom_SaysNothing()
    {
        var alice = await _data.AddUser("alice");
        var session = await _data.AddSession(alice, "lounge", robot: Model);
        await _data.SeatRobot(await _data.AddRobotUser("maya92"), "lounge", entered: false);
        await _data.AddMessages(alice, "lounge", "anyone here?");

        Assert.Null(await Turn(session.Id));

        await _replies.DidNotReceive().ReplyAsync(Arg.Any<int>(), Arg.Any<string>(), Arg.Any<RobotConversation>(), Arg.Any<CancellationToken>());
        await _log.DidNotReceive().Append(Arg.Any<MessageDraft>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Turn_GivesTheModelTheRoomsConversation_WithItsOwnLinesAsItsReplies()
    {
        var (alice, robot, sessionId) = await RoomWithRobot();
        var bob = await _data.AddUser("bob");
        await _data.Join(bob, "lounge");
        await _data.AddMessages(alice, "lounge", "hi");
        await _data.AddMessages(robot, "lounge", "hey");
        await _data.AddMessages(bob, "lounge", "what's up?");

        await Turn(sessionId);

        await _replies.Received(1).ReplyAsync(sessionId, Model, Arg.Any<RobotConversation>(), Arg.Any<CancellationToken>());
        Assert.NotNull(_asked);
        Assert.Equal("maya92", _asked.RobotName);
        Assert.Equal(
            [new("alice", "hi", IsOwn: false), new("maya92", "hey", IsOwn: true), new ConversationLine("bob", "what's up?", IsOwn: false)],
            _asked.Lines);
    }

    [Fact]
    public async Task Turn_ReadsOnlyTheLatestMessages()
    {
        var (alice, _, sessionId) = await RoomWithRobot();
        await _data.AddMessages(alice, "lounge", Enumerable.Range(1, TakeRobotTurnHandler.ContextSize + 5).Select(i => $"line {i}"));

        await Turn(sessionId);

        Assert.NotNull(_asked);
        Assert.Equal(TakeRobotTurnHandler.ContextSize, _asked.Lines.Count);
        Assert.Equal("line 6", _asked.Lines[0].Text);
        Assert.Equal($"line {TakeRobotTurnHandler.ContextSize + 5}", _asked.Lines[^1].Text);
    }

    [Fact]
    public async Task Turn_LeavesSystemNoticesOutOfTheConversation()
    {
        var (alice, _, sessionId) = await RoomWithRobot();
        await _data.AddMessages(alice, "lounge", "hi");
        await AddNotice(sessionId, "bob has joined the room.");

        var posted = await Turn(sessionId);

        Assert.NotNull(posted);
        Assert.NotNull(_asked);
        Assert.DoesNotContain(_asked.Lines, m => m.Text.Contains("has joined", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Turn_WhenTheLastWordIsTheRobots_StaysSilent_WithoutAskingTheModel()
    {
        var (alice, robot, sessionId) = await RoomWithRobot();
        await _data.AddMessages(alice, "lounge", "hi");
        await _data.AddMessages(robot, "lounge", "hey");

        Assert.Null(await Turn(sessionId));

        AssertSilentWithoutAsking();
    }

    [Fact]
    public async Task Turn_WhenNobodyHasSpoken_StaysSilent()
    {
        var (_, _, sessionId) = await RoomWithRobot();
        await AddNotice(sessionId, "The session has started.");

        Assert.Null(await Turn(sessionId));

        AssertSilentWithoutAsking();
    }

    [Fact]
    public async Task Turn_WhenTheModelGivesNothing_StoresAndBroadcastsNothing()
    {
        var (alice, _, sessionId) = await RoomWithRobot();
        await _data.AddMessages(alice, "lounge", "hi");
        ModelSays(null);

        Assert.Null(await Turn(sessionId));

        Assert.Empty(_log.ReceivedCalls());
        await _broadcaster.DidNotReceive().MessagePosted(Arg.Any<MessageDto>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Turn_WhenTheSessionHasEnded_StaysSilent()
    {
        var (alice, _, sessionId) = await RoomWithRobot();
        await _data.AddMessages(alice, "lounge", "bye");
        await _data.Leave(alice, "lounge");

        Assert.Null(await Turn(sessionId));

        AssertSilentWithoutAsking();
    }

    [Fact]
    public async Task Turn_InASessionWithoutARobot_StaysSilent()
    {
        var alice = await _data.AddUser("alice");
        var session = await _data.AddSession(alice, "lounge");
        await _data.AddMessages(alice, "lounge", "hi");

        Assert.Null(await Turn(session.Id));

        AssertSilentWithoutAsking();
    }

    [Fact]
    public async Task Turn_WhenTheSessionEndsWhileTheModelThinks_StaysSilent()
    {
        var (alice, _, sessionId) = await RoomWithRobot();
        await _data.AddMessages(alice, "lounge", "hi");
        LogRefuses(MessageRefusal.SessionEnded);

        Assert.Null(await Turn(sessionId));

        await _broadcaster.DidNotReceive().MessagePosted(Arg.Any<MessageDto>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Turn_WhenTheReplyIsNoMessageAPlayerCouldSend_StaysSilent()
    {
        var (alice, _, sessionId) = await RoomWithRobot();
        await _data.AddMessages(alice, "lounge", "hi");
        ModelSays(new string('a', DomainMessage.MaxLength + 1));

        Assert.Null(await Turn(sessionId));

        Assert.Empty(_log.ReceivedCalls());
    }

    [Fact]
    public async Task Turn_WhileAnotherServerHoldsTheTurn_WaitsForIt_AndGivesUpSilentlyAtTheMostAfterMaxTurn()
    {
        var (alice, _, sessionId) = await RoomWithRobot();
        await _data.AddMessages(alice, "lounge", "hi");
        await using (var db = _data.NewContext())
        {
            Assert.True(await new DatabaseRobotTurnLease(db, new ServerIdentity()).TryTake(sessionId, _data.Clock.GetUtcNow(), _data.Clock.GetUtcNow().AddMinutes(5), Ct));
        }

        var turn = Turn(sessionId, TimeSpan.FromSeconds(1));
        for (var waited = 0; waited < 12 && !turn.IsCompleted; waited++)
        {
            await Task.Delay(20, Ct);
            _data.Clock.Advance(TakeRobotTurn.LeasePoll);
        }

        Assert.Null(await turn);
        AssertSilentWithoutAsking();
    }

    [Fact]
    public async Task Turn_AfterAnotherServersTurnLapses_TakesIt()
    {
        var (alice, _, sessionId) = await RoomWithRobot();
        await _data.AddMessages(alice, "lounge", "hi");
        await using (var db = _data.NewContext())
        {
            Assert.True(await new DatabaseRobotTurnLease(db, new ServerIdentity()).TryTake(sessionId, _data.Clock.GetUtcNow(), _data.Clock.GetUtcNow().AddMilliseconds(250), Ct));
        }

        var turn = Turn(sessionId);
        for (var waited = 0; waited < 20 && !turn.IsCompleted; waited++)
        {
            await Task.Delay(20, Ct);
            _data.Clock.Advance(TakeRobotTurn.LeasePoll);
        }

        Assert.NotNull(await turn);
    }

    [Fact]
    public async Task Turn_SaysItIsTypingBeforeItsMessage_LikeAPlayer()
    {
        var (alice, robot, sessionId) = await RoomWithRobot();
        await _data.AddMessages(alice, "lounge", "hi all");
        var order = new List<string>();
        _broadcaster.When(b => b.Typing(Arg.Any<TypingDto>(), Arg.Any<int>(), Arg.Any<int>(), Arg.Any<CancellationToken>())).Do(_ => order.Add("typing"));
        _broadcaster.When(b => b.MessagePosted(Arg.Any<MessageDto>(), Arg.Any<CancellationToken>())).Do(_ => order.Add("message"));

        await Turn(sessionId);

        Assert.Equal(["typing", "message"], order);
        await _broadcaster.Received(1).Typing(new TypingDto("lounge", "maya92"), sessionId, robot.Id, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Turn_GivesTheModelThePersonaTheRobotKeeps()
    {
        var (alice, _, sessionId) = await RoomWithRobot();
        await _data.AddMessages(alice, "lounge", "where are you from?");

        await Turn(sessionId);

        Assert.NotNull(_asked);
        Assert.Equal(RobotPersona.For("maya92"), _asked.Persona);
    }

    public void Dispose() => _data.Dispose();

    private async Task<(User Alice, User Robot, int SessionId)> RoomWithRobot()
    {
        var alice = await _data.AddUser("alice");
        var robot = await _data.AddRobotUser("maya92");
        var session = await _data.AddSession(alice, "lounge", robot: Model);
        await _data.SeatRobot(robot, "lounge");
        return (alice, robot, session.Id);
    }

    private async Task AddNotice(int sessionId, string text)
    {
        await using var db = _data.NewContext();
        db.Messages.Add(DomainMessage.Notice(sessionId, text, _data.Clock.GetUtcNow()));
        await db.SaveChangesAsync(Ct);
    }

    private void AssertSilentWithoutAsking()
    {
        Assert.Empty(_replies.ReceivedCalls());
        Assert.Empty(_log.ReceivedCalls());
        Assert.Empty(_broadcaster.ReceivedCalls());
    }

    private void ModelSays(string? reply) =>
        _replies.ReplyAsync(Arg.Any<int>(), Arg.Any<string>(), Arg.Any<RobotConversation>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                _asked = call.Arg<RobotConversation>();
                return reply;
            });

    [SuppressMessage("Reliability", "CA2012", Justification = "Setting up a substitute calls Append without consuming a ValueTask.")]
    private void LogStores() =>
        _log.Append(Arg.Any<MessageDraft>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var draft = call.Arg<MessageDraft>();
            var stored = Build.StoredMessage(99, sessionId: 1, draft.SenderId, draft.Sender, draft.Text, draft.Timestamp, clientMsgId: draft.ClientMsgId);
            return ValueTask.FromResult(MessageOutcome.Stored(new PostedMessage(stored, draft.Room.Value)));
        });

    [SuppressMessage("Reliability", "CA2012", Justification = "Setting up a substitute calls Append without consuming a ValueTask.")]
    private void LogRefuses(MessageRefusal refusal) =>
        _log.Append(Arg.Any<MessageDraft>(), Arg.Any<CancellationToken>()).Returns(_ => ValueTask.FromResult(MessageOutcome.Refused(refusal, "lounge")));

    private async Task<MessageDto?> Turn(int sessionId, TimeSpan? maxTurn = null)
    {
        await using var db = _data.NewContext();
        var handler = new TakeRobotTurnHandler(
            db, _replies, _log, _broadcaster, new DatabaseRobotTurnLease(db, _server), HumanPace.Steady(TimeSpan.Zero), _data.Clock);
        return await handler.Handle(new TakeRobotTurn(sessionId, maxTurn), Ct);
    }
}
