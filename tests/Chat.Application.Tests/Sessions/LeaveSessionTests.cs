using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Sessions.Common;
using Chat.Application.Sessions.LeaveSession;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using NSubstitute;

namespace Chat.Application.Tests.Sessions;

public sealed class LeaveSessionTests : IDisposable
{
    private readonly TestDatabase _data = new();
    private readonly IChatBroadcaster _broadcaster = Substitute.For<IChatBroadcaster>();
    private Random _chance = Build.First;

    [Fact]
    public async Task Leave_WhenNotInASession_IsRefused()
    {
        var alice = await _data.AddUser("alice");

        var refused = await Assert.ThrowsAsync<ConflictException>(() => Leave(alice));

        Assert.Equal("You are not in a session.", refused.Message);
        Assert.Empty(_broadcaster.ReceivedCalls());
    }

    [Fact]
    public async Task Leave_ByAPlayer_TellsTheRoomTheyLeft()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        await _data.AddSession(alice, "lounge");
        await _data.Join(bob, "lounge");

        var session = await Leave(bob);

        Assert.Equal(["alice"], session.Players);
        Assert.False((await _data.FindSession("lounge")).IsPresent(bob.Id));
        Assert.Equal(["bob has left the room."], await _data.TextsIn("lounge"));
        Received.InOrder(async () =>
        {
            await _broadcaster.MessagePosted(Arg.Is<MessageDto>(m => m.Message == "bob has left the room."), Arg.Any<CancellationToken>());
            await _broadcaster.SessionUpdated(session, Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task Leave_ByAPlayer_StopsTheirConnectionsHearingTheRoom_AfterTheRoomIsTold()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        await _data.AddSession(alice, "lounge");
        await _data.Join(bob, "lounge");

        var session = await Leave(bob);

        Received.InOrder(async () =>
        {
            await _broadcaster.SessionUpdated(session, Arg.Any<CancellationToken>());
            await _broadcaster.RemoveFromRoom(bob.Id, session.Id, Arg.Any<CancellationToken>());
        });
        await _broadcaster.DidNotReceive().RemoveFromRoom(alice.Id, Arg.Any<int>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Leave_ByTheHost_HandsTheHostOverAndBroadcastsIt()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        await _data.AddSession(alice, "lounge");
        await _data.Join(bob, "lounge");
        await _data.Join(await _data.AddUser("carol"), "lounge");

        var session = await Leave(alice);

        Assert.Equal(bob.Id, session.HostId);
        Assert.Equal("bob", session.Host);
        Assert.Equal(bob.Id, (await _data.FindSession("lounge")).HostId);
        await _broadcaster.Received(1).SessionUpdated(
            Arg.Is<SessionDto>(s => s.Host == "bob" && s.HostId == bob.Id && string.Join(",", s.Players) == "bob,carol"),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Leave_ByTheHost_HandsTheHostToTheHumanChanceDraws_NotTheLongestPresent()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        var carol = await _data.AddUser("carol");
        await _data.AddSession(alice, "lounge");
        await _data.Join(bob, "lounge");
        await _data.Join(carol, "lounge");
        _chance = new Draw(1);

        var session = await Leave(alice);

        Assert.Equal((carol.Id, "carol"), (session.HostId, session.Host));
        Assert.Equal(carol.Id, (await _data.FindSession("lounge")).HostId);
        Assert.Equal(["bob", "carol"], session.Players);
    }

    [Fact]
    public async Task Leave_ByTheLastPlayer_EndsTheSession()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge");

        var session = await Leave(alice);

        Assert.Equal(SessionState.Inactive, session.State);
        Assert.Empty(session.Players);
        Assert.Equal(["alice has left the room.", SessionNotices.Ended], await _data.TextsIn("lounge"));
        Received.InOrder(async () =>
        {
            await _broadcaster.MessagePosted(Arg.Is<MessageDto>(m => m.Message == "alice has left the room."), Arg.Any<CancellationToken>());
            await _broadcaster.MessagePosted(Arg.Is<MessageDto>(m => m.Message == SessionNotices.Ended), Arg.Any<CancellationToken>());
            await _broadcaster.SessionUpdated(Arg.Is<SessionDto>(s => s.State == SessionState.Inactive), Arg.Any<CancellationToken>());
        });
    }

    public void Dispose() => _data.Dispose();

    private async Task<SessionDto> Leave(User caller)
    {
        await using var use = new UseCase(_data, _broadcaster);
        return await use.Run(new LeaveSessionHandler(use.Db, Build.Caller(caller), use.Committer, _chance, _data.Clock), new LeaveSession());
    }
}
