using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Sessions.Common;
using Chat.Application.Sessions.TakeSeat;
using Chat.Domain.Common;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using NSubstitute;

namespace Chat.Application.Tests.Sessions;

public sealed class TakeSeatTests : IDisposable
{
    private readonly TestDatabase _data = new();
    private readonly IChatBroadcaster _broadcaster = Substitute.For<IChatBroadcaster>();
    private readonly IRobotTurns _robots = Substitute.For<IRobotTurns>();

    [Fact]
    public async Task Join_ByRoom_SeatsTheCallerAndTellsTheRoom()
    {
        await _data.AddSession(await _data.AddUser("alice"), "lounge", maxPlayers: 3);
        var bob = await _data.AddUser("bob");

        var session = await Join(bob, new TakeSeat("lounge", Random: false));

        Assert.Equal(["alice", "bob"], session.Players);
        Assert.Equal(SessionState.Pending, session.State);
        Assert.True((await _data.FindSession("lounge")).IsPresent(bob.Id));
        await _broadcaster.Received(1).SessionUpdated(session, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Join_ByRoom_IgnoresCaseAndSurroundingSpaces()
    {
        await _data.AddSession(await _data.AddUser("alice"), "The Lounge");

        var session = await Join(await _data.AddUser("bob"), new TakeSeat("  the LOUNGE ", Random: false));

        Assert.Equal("The Lounge", session.Room);
        Assert.Equal(["alice", "bob"], session.Players);
    }

    [Fact]
    public async Task Join_TakingTheLastPlace_StartsTheSessionAndSaysSo()
    {
        await _data.AddSession(await _data.AddUser("alice"), "lounge", maxPlayers: 2);

        var session = await Join(await _data.AddUser("bob"), new TakeSeat("lounge", Random: false));

        Assert.Equal(SessionState.Active, session.State);
        Assert.Equal([SessionNotices.Started], await _data.TextsIn("lounge"));
        await _broadcaster.Received(1).MessagePosted(Arg.Is<MessageDto>(m => m.Message == SessionNotices.Started), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Join_TakingTheLastPlaceBeforeTheRobotSat_SeatsItToo_ButItsNoticeWaitsForItToEnter()
    {
        var session = await _data.AddSession(await _data.AddUser("alice"), "lounge", maxPlayers: 2, robot: "eliza");
        var bob = await _data.AddUser("bob");
        var now = _data.Clock.GetUtcNow();

        var joined = await Join(bob, new TakeSeat("lounge", Random: false));

        Assert.Equal(SessionState.Active, joined.State);
        Assert.Contains("maya92", joined.Players);
        Assert.Equal([SessionNotices.Started], await _data.TextsIn("lounge"));
        var robot = Assert.Single((await _data.FindSession("lounge")).Members, m => m.IsRobot);
        Assert.Null(robot.AnnouncedAt);
        Assert.InRange(robot.EntersAt!.Value, now + Build.Entering - TimeSpan.FromMilliseconds(1), now + Build.Entering + TimeSpan.FromMilliseconds(1));
        _robots.Received(1).RobotSeated(session.Id, robot.EntersAt.Value);
    }

    [Fact]
    public async Task Join_WhenSessionIsFull_IsRefused()
    {
        await _data.AddSession(await _data.AddUser("alice"), "lounge", maxPlayers: 2);
        await _data.Join(await _data.AddUser("bob"), "lounge");
        var carol = await _data.AddUser("carol");

        var refused = await Assert.ThrowsAsync<DomainException>(() => Join(carol, new TakeSeat("lounge", Random: false)));

        Assert.Equal("The session 'lounge' has already started.", refused.Message);
        var stored = await _data.FindSession("lounge");
        Assert.Equal(2, stored.HumanPlayerCount);
        Assert.False(stored.WasEverPlayer(carol.Id));
        Assert.Empty(_broadcaster.ReceivedCalls());
    }

    [Fact]
    public async Task Join_WhenSessionHasEnded_IsRefused()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge");
        await _data.Leave(alice, "lounge");

        var refused = await Assert.ThrowsAsync<DomainException>(() => Join(alice, new TakeSeat("lounge", Random: false)));

        Assert.Equal("The session 'lounge' has ended.", refused.Message);
    }

    [Fact]
    public async Task Join_WhenNoSuchRoom_IsNotFound()
    {
        var bob = await _data.AddUser("bob");

        var refused = await Assert.ThrowsAsync<NotFoundException>(() => Join(bob, new TakeSeat(" nowhere ", Random: false)));

        Assert.Equal("There is no session named 'nowhere'.", refused.Message);
    }

    [Fact]
    public async Task Join_WhenAlreadyInASession_IsRefused()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge");
        await _data.AddSession(await _data.AddUser("bob"), "den");

        var refused = await Assert.ThrowsAsync<ConflictException>(() => Join(alice, new TakeSeat("den", Random: false)));

        Assert.Equal("You are already in the session 'lounge'; leave it first.", refused.Message);
        Assert.False((await _data.FindSession("den")).WasEverPlayer(alice.Id));
    }

    [Fact]
    public async Task Join_AfterLeavingThatSession_SeatsTheCallerAgain()
    {
        await _data.AddSession(await _data.AddUser("alice"), "lounge");
        var bob = await _data.AddUser("bob");
        await _data.Join(bob, "lounge");
        await _data.Leave(bob, "lounge");

        var session = await Join(bob, new TakeSeat("lounge", Random: false));

        Assert.Equal(["alice", "bob"], session.Players);
        Assert.Equal(3, (await _data.FindSession("lounge")).Members.Count);
    }

    [Fact]
    public async Task Join_Random_PicksTheSessionThatIsOpen()
    {
        var ann = await _data.AddUser("ann");
        await _data.AddSession(ann, "ended");
        await _data.Leave(ann, "ended");
        await _data.AddSession(await _data.AddUser("alice"), "started", maxPlayers: 1);
        await _data.AddSession(await _data.AddUser("carol"), "open", maxPlayers: 2);

        var session = await Join(await _data.AddUser("bob"), new TakeSeat(null, Random: true));

        Assert.Equal("open", session.Room);
        Assert.Equal(["carol", "bob"], session.Players);
    }

    [Fact]
    public async Task Join_Random_DoesNotCountTheRobotAsTakingAPlace()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge", maxPlayers: 2, robot: "eliza");
        await _data.SeatRobot(await _data.AddRobotUser("eliza"), "lounge");

        var session = await Join(await _data.AddUser("bob"), new TakeSeat(null, Random: true));

        Assert.Equal("lounge", session.Room);
        Assert.Equal(["alice", "eliza", "bob"], session.Players);
    }

    [Fact]
    public async Task Join_Random_WhenNoSessionIsOpen_IsNotFound()
    {
        await _data.AddSession(await _data.AddUser("alice"), "started", maxPlayers: 1);

        var refused = await Assert.ThrowsAsync<NotFoundException>(async () => await Join(await _data.AddUser("bob"), new TakeSeat(null, Random: true)));

        Assert.Equal("There is no open session to join right now; host one instead.", refused.Message);
    }

    public void Dispose() => _data.Dispose();

    private async Task<SessionDto> Join(User caller, TakeSeat command)
    {
        await using var use = new UseCase(_data, _broadcaster);
        return await use.Run(new TakeSeatHandler(use.Db, Build.Caller(caller), use.Committer, Build.Recruiter(use.Db), _robots, Build.Pace, Random.Shared, _data.Clock), command);
    }
}
