using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Rooms.ConnectToRoom;
using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using NSubstitute;

namespace Chat.Application.Tests.Rooms;

public sealed class ConnectToRoomTests : IDisposable
{
    private const string Connection = "connection-1";

    private readonly TestDatabase _data = new();
    private readonly IChatBroadcaster _broadcaster = Substitute.For<IChatBroadcaster>();
    private readonly IRobotTurns _robots = Substitute.For<IRobotTurns>();

    [Fact]
    public async Task JoinRoom_WhereTheRobotIsAwaited_CallsItIn()
    {
        var alice = await _data.AddUser("alice");
        var session = await _data.AddSession(alice, "lounge", robot: "eliza");

        await ConnectToRoom(alice, new ConnectToRoom("lounge", "alice", Connection));

        _robots.Received(1).PlayerEntered(session.Id);
    }

    [Fact]
    public async Task JoinRoom_WhereTheRobotIsSeated_OrThereIsNone_CallsNobody()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge", robot: "eliza");
        await _data.SeatRobot(await _data.AddRobotUser("maya92"), "lounge");
        var bob = await _data.AddUser("bob");
        await _data.AddSession(bob, "den");

        await ConnectToRoom(alice, new ConnectToRoom("lounge", "alice", Connection));
        await ConnectToRoom(bob, new ConnectToRoom("den", "bob", "connection-2"));

        _robots.DidNotReceive().PlayerEntered(Arg.Any<int>());
    }

    [Fact]
    public async Task JoinRoom_AsAPlayer_ReturnsTheHistoryWithoutTheJoinNotice()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge");
        await _data.AddMessages(alice, "lounge", "first", "second");

        var joined = await ConnectToRoom(alice, new ConnectToRoom("lounge", "alice", Connection));

        Assert.Equal("lounge", joined.Room);
        Assert.Equal(["first", "second"], joined.Messages.Select(m => m.Message));
        Assert.Equal(["first", "second", "alice has joined the room."], await _data.TextsIn("lounge"));
    }

    [Fact]
    public async Task JoinRoom_AddsTheConnectionToTheRoom_BeforeTheNoticeIsBroadcast()
    {
        var alice = await _data.AddUser("alice");
        var session = await _data.AddSession(alice, "lounge");

        await ConnectToRoom(alice, new ConnectToRoom("lounge", "alice", Connection));

        var notice = (await _data.MessagesIn("lounge")).Single();
        Assert.Equal(MessageKind.System, notice.Kind);
        Assert.Equal(Username.Server, notice.Sender);
        Received.InOrder(async () =>
        {
            await _broadcaster.AddToRoom(Connection, session.Id, Arg.Any<CancellationToken>());
            await _broadcaster.MessagePosted(
                new MessageDto(notice.Id, session.Id, "lounge", Username.Server, "alice has joined the room.", notice.Timestamp, MessageKind.System, notice.Seq, ClientMsgId: null),
                Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task JoinRoom_ReturnsTheLatestFiftyMessages_OldestFirst()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge");
        await _data.AddMessages(alice, "lounge", Enumerable.Range(1, 60).Select(i => $"m{i}"));

        var joined = await ConnectToRoom(alice, new ConnectToRoom("lounge", "alice", Connection));

        Assert.Equal(ConnectToRoomHandler.HistorySize, joined.Messages.Count);
        Assert.Equal("m11", joined.Messages[0].Message);
        Assert.Equal("m60", joined.Messages[^1].Message);
    }

    [Fact]
    public async Task JoinRoom_AcceptsTheNameAndRoomAsTyped()
    {
        var zoe = await _data.AddUser("Zo\u00EB");
        await _data.AddSession(zoe, "The Lounge");

        var joined = await ConnectToRoom(zoe, new ConnectToRoom(" the lounge ", " Zoe\u0308 ", Connection));

        Assert.Equal("The Lounge", joined.Room);
        Assert.Equal(["Zo\u00EB has joined the room."], await _data.TextsIn("The Lounge"));
    }

    [Fact]
    public async Task JoinRoom_AsSomeoneOtherThanTheSignedInUser_IsRefused()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge");
        await _data.Join(await _data.AddUser("bob"), "lounge");

        var refused = await Assert.ThrowsAsync<ForbiddenAccessException>(() => ConnectToRoom(alice, new ConnectToRoom("lounge", "bob", Connection)));

        Assert.Equal("You can only join as alice.", refused.Message);
        await NothingJoined("lounge");
    }

    [Fact]
    public async Task JoinRoom_WithoutASignIn_IsUnauthorized()
    {
        await _data.AddSession(await _data.AddUser("alice"), "lounge");
        await using var use = new UseCase(_data, _broadcaster);

        await Assert.ThrowsAsync<UnauthorizedException>(
            () => use.Run(new ConnectToRoomHandler(use.Db, Build.Anonymous(), _broadcaster, use.Committer, Substitute.For<IRobotTurns>(), _data.Clock), new ConnectToRoom("lounge", "alice", Connection)));

        await NothingJoined("lounge");
    }

    [Fact]
    public async Task JoinRoom_WhenNotAPlayerOfThatSession_IsRefused()
    {
        await _data.AddSession(await _data.AddUser("alice"), "lounge");
        var mallory = await _data.AddUser("mallory");

        var refused = await Assert.ThrowsAsync<ForbiddenAccessException>(() => ConnectToRoom(mallory, new ConnectToRoom("lounge", "mallory", Connection)));

        Assert.Equal("You are not a player of 'lounge'; join the session first.", refused.Message);
        await NothingJoined("lounge");
    }

    [Fact]
    public async Task JoinRoom_AfterLeavingTheSession_IsRefused()
    {
        await _data.AddSession(await _data.AddUser("alice"), "lounge");
        var bob = await _data.AddUser("bob");
        await _data.Join(bob, "lounge");
        await _data.Leave(bob, "lounge");

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => ConnectToRoom(bob, new ConnectToRoom("lounge", "bob", Connection)));

        await NothingJoined("lounge");
    }

    [Fact]
    public async Task JoinRoom_ForAnUnknownRoom_IsNotFound()
    {
        var alice = await _data.AddUser("alice");

        await Assert.ThrowsAsync<NotFoundException>(() => ConnectToRoom(alice, new ConnectToRoom("nowhere", "alice", Connection)));

        Assert.Empty(_broadcaster.ReceivedCalls());
    }

    [Fact]
    public async Task JoinRoom_AgainForTheSameSeat_JoinsSilently()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge");

        await ConnectToRoom(alice, new ConnectToRoom("lounge", "alice", "tab-1"));
        _broadcaster.ClearReceivedCalls();
        await ConnectToRoom(alice, new ConnectToRoom("lounge", "alice", "tab-2"));

        Assert.Equal(["alice has joined the room."], await _data.TextsIn("lounge"));
        await _broadcaster.Received(1).AddToRoom("tab-2", Arg.Any<int>(), Arg.Any<CancellationToken>());
        await _broadcaster.DidNotReceive().MessagePosted(Arg.Any<MessageDto>(), Arg.Any<CancellationToken>());
        await _broadcaster.DidNotReceive().SessionUpdated(Arg.Any<SessionDto>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task JoinRoom_InANewSeat_IsAnnouncedAgain()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge");
        var bob = await _data.AddUser("bob");
        await _data.Join(bob, "lounge");
        await ConnectToRoom(bob, new ConnectToRoom("lounge", "bob", Connection));
        await _data.Leave(bob, "lounge");
        await _data.Join(bob, "lounge");

        await ConnectToRoom(bob, new ConnectToRoom("lounge", "bob", Connection));

        Assert.Equal(["bob has joined the room.", "bob has joined the room."], await _data.TextsIn("lounge"));
    }

    [Fact]
    public async Task JoinRoom_AfterASeq_ReturnsWhatCameAfterIt_AndTheSession()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge");
        await _data.AddMessages(alice, "lounge", "m1", "m2", "m3");

        var joined = await ConnectToRoom(alice, new ConnectToRoom("lounge", "alice", Connection, AfterSeq: 1));

        Assert.Equal(["m2", "m3"], joined.Messages.Select(m => m.Message));
        Assert.Equal([2L, 3L], joined.Messages.Select(m => m.Seq));
        Assert.True(joined.Complete);
        Assert.Equal("lounge", joined.Session.Room);
        Assert.Equal(["alice"], joined.Session.Players);
    }

    [Fact]
    public async Task JoinRoom_AfterASeqWithMoreThanACatchUpBehind_SaysItIsIncomplete()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge");
        await _data.AddMessages(alice, "lounge", Enumerable.Range(1, ConnectToRoomHandler.MaxCatchUp + 2).Select(i => $"m{i}"));

        var joined = await ConnectToRoom(alice, new ConnectToRoom("lounge", "alice", Connection, AfterSeq: 1));

        Assert.False(joined.Complete);
        Assert.Equal(ConnectToRoomHandler.MaxCatchUp, joined.Messages.Count);
        Assert.Equal("m2", joined.Messages[0].Message);
    }

    public void Dispose() => _data.Dispose();

    private async Task NothingJoined(string room)
    {
        Assert.Empty(await _data.MessagesIn(room));
        Assert.Empty(_broadcaster.ReceivedCalls());
    }

    private async Task<ConnectedToRoom> ConnectToRoom(User caller, ConnectToRoom command)
    {
        await using var use = new UseCase(_data, _broadcaster);
        return await use.Run(new ConnectToRoomHandler(use.Db, Build.Caller(caller), _broadcaster, use.Committer, _robots, _data.Clock), command);
    }
}
