using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Robots.SeatRobot;
using Chat.Application.Sessions.HostSession;
using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Microsoft.EntityFrameworkCore;
using NSubstitute;

namespace Chat.Application.Tests.Robots;

/// <summary>
/// A session hosted with a robot seats nobody but its host; the robot sits down
/// later (SeatRobot), under a name no signed-in user holds, and the room hears of its
/// seat as of a person's REST join: by <c>session_updated</c>, its notice coming when it enters.
/// </summary>
public sealed class SeatRobotTests : IDisposable
{
    private readonly TestDatabase _data = new();
    private readonly IChatBroadcaster _broadcaster = Substitute.For<IChatBroadcaster>();
    private readonly IRobotTurns _robots = Substitute.For<IRobotTurns>();

    [Fact]
    public async Task Host_WithARobot_SeatsOnlyTheHost_AndPostsNoNotice()
    {
        var alice = await _data.AddUser("alice");

        await using var use = new UseCase(_data, _broadcaster);
        var session = await use.Run(
            new HostSessionHandler(use.Db, Build.Caller(alice), use.Committer, _data.Clock),
            new HostSession("lounge", "eliza", null));

        Assert.Equal(["alice"], session.Players);
        Assert.Equal("eliza", session.Robot);
        Assert.Empty(await _data.MessagesIn("lounge"));
        await using var reader = _data.NewContext();
        Assert.False(await reader.Users.AnyAsync(u => u.IsRobot, Ct));
    }

    [Fact]
    public async Task Seat_SeatsARobotUserUnderTheGeneratedName_AfterThePlayersAlreadyThere()
    {
        var session = await Hosted();
        var bob = await _data.AddUser("bob");
        await _data.Join(bob, "lounge");

        Assert.True(await Seat(session.Id, "maya92"));

        var stored = await _data.FindSession("lounge");
        Assert.Equal(["alice", "bob", "maya92"], stored.Players.Select(p => p.Username));
        var seat = Assert.Single(stored.Members, m => m.IsRobot);
        var robot = await _data.FindUser(seat.UserId);
        Assert.Equal("maya92", robot.Username);
        Assert.True(robot.IsRobot);
        Assert.True(robot.IsSignedIn);
    }

    [Fact]
    public async Task Seat_TellsTheRoomBySessionUpdated_AndLeavesItsJoinNoticeForWhenItEnters_AMomentLater()
    {
        var session = await Hosted();
        var now = _data.Clock.GetUtcNow();

        Assert.True(await Seat(session.Id, "maya92"));

        var seat = Assert.Single((await _data.FindSession("lounge")).Members, m => m.IsRobot);
        Assert.Equal((now + Build.Entering, (DateTimeOffset?)null), (seat.EntersAt, seat.AnnouncedAt));
        _robots.Received(1).RobotSeated(session.Id, now + Build.Entering);
        Assert.Empty(await _data.MessagesIn("lounge"));
        await _broadcaster.Received(1).SessionUpdated(Arg.Is<SessionDto>(s => s.Players.Contains("maya92")), Arg.Any<CancellationToken>());
        await _broadcaster.DidNotReceive().MessagePosted(Arg.Any<MessageDto>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Seat_TheRobotTakesNoHumanPlace()
    {
        var session = await Hosted(maxPlayers: 2);

        await Seat(session.Id, "maya92");

        var stored = await _data.FindSession("lounge");
        Assert.Equal(SessionState.Pending, stored.State);
        Assert.True(stored.HasRoom());
    }

    [Fact]
    public async Task Seat_Twice_SeatsOneRobot()
    {
        var session = await Hosted();

        Assert.True(await Seat(session.Id, "maya92"));
        Assert.False(await Seat(session.Id, "quietfox7"));

        Assert.Single((await _data.FindSession("lounge")).Members, m => m.IsRobot);
        await _broadcaster.Received(1).SessionUpdated(Arg.Any<SessionDto>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Seat_ForASessionWithoutARobot_OrNoSuchSession_SeatsNobody()
    {
        var alice = await _data.AddUser("alice");
        var session = await _data.AddSession(alice, "lounge");

        Assert.False(await Seat(session.Id, "maya92"));
        Assert.False(await Seat(404, "maya92"));

        Assert.Empty(await _data.MessagesIn("lounge"));
    }

    [Fact]
    public async Task Seat_AfterTheSessionEnded_SeatsNobody()
    {
        var session = await Hosted();
        await _data.Leave(await _data.FindUser(session.HostId), "lounge");

        Assert.False(await Seat(session.Id, "maya92"));

        Assert.DoesNotContain((await _data.FindSession("lounge")).Members, m => m.IsRobot);
    }

    [Fact]
    public async Task Seat_SkipsANameASignedInUserHolds_IgnoringCase()
    {
        var session = await Hosted();
        await _data.AddUser("maya92");

        await Seat(session.Id, "Maya92", "quietfox7");

        Assert.Contains("quietfox7", (await _data.FindSession("lounge")).Players.Select(p => p.Username));
    }

    [Fact]
    public async Task Seat_MayTakeTheNameOfAUserWhoSignedOut()
    {
        var session = await Hosted();
        await _data.SignOut(await _data.AddUser("maya92"));

        await Seat(session.Id, "maya92");

        Assert.Contains("maya92", (await _data.FindSession("lounge")).Players.Select(p => p.Username));
    }

    [Fact]
    public async Task Seat_WhenNoRobotNameIsFree_IsRefused_AndNothingIsStored()
    {
        var session = await Hosted();

        var refused = await Assert.ThrowsAsync<ConflictException>(() => Seat(session.Id, "alice"));

        Assert.Equal("No free name could be found for the robot; please try again.", refused.Message);
        await using var db = _data.NewContext();
        Assert.False(await db.Users.AnyAsync(u => u.IsRobot, Ct));
        Assert.Empty(await _data.MessagesIn("lounge"));
    }

    [Fact]
    public async Task Seat_WhenAPersonRegistersTheRobotsNameFirst_SeatsItUnderAFreshName()
    {
        var session = await Hosted();
        await using var use = new UseCase(_data, _broadcaster, new CompetingRequest(() => _data.AddUser("Maya92")));

        await Seat(use, session.Id, "maya92", "quietfox7");

        await using var reader = _data.NewContext();
        var person = await reader.Users.SingleAsync(u => u.Username == "Maya92", Ct);
        Assert.False(person.IsRobot);
        Assert.Contains("quietfox7", (await _data.FindSession("lounge")).Players.Select(p => p.Username));
    }

    public void Dispose() => _data.Dispose();

    private async Task<ChatSession> Hosted(int maxPlayers = ChatSession.DefaultMaxPlayers) =>
        await _data.AddSession(await _data.AddUser("alice"), "lounge", maxPlayers, robot: "eliza");

    private async Task<bool> Seat(int sessionId, params string[] robotNames)
    {
        await using var use = new UseCase(_data, _broadcaster);
        return await Seat(use, sessionId, robotNames);
    }

    private async Task<bool> Seat(UseCase use, int sessionId, params string[] robotNames) =>
        await use.Run(new SeatRobotHandler(use.Db, use.Committer, Build.Recruiter(use.Db, robotNames), _robots, Build.Pace, _data.Clock), new SeatRobot(sessionId));
}
