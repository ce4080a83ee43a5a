using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Sessions.Common;
using Chat.Application.Sessions.HostSession;
using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Microsoft.EntityFrameworkCore;
using NSubstitute;

namespace Chat.Application.Tests.Sessions;

/// <summary>Hosting with a robot: its user and seat are stored with the session, under a name no signed-in user holds.</summary>
public sealed class HostSessionWithRobotTests : IDisposable
{
    private readonly TestDatabase _data = new();
    private readonly IChatBroadcaster _broadcaster = Substitute.For<IChatBroadcaster>();

    [Fact]
    public async Task Host_WithARobot_SeatsARobotUserUnderTheGeneratedName()
    {
        var alice = await _data.AddUser("alice");

        var session = await Host(alice, new HostSession("lounge", "eliza", null), "maya92");

        Assert.Equal(["alice", "maya92"], session.Players);
        Assert.Equal("alice", session.Host);
        var stored = await _data.FindSession("lounge");
        var seat = Assert.Single(stored.Members, m => m.IsRobot);
        Assert.True(seat.IsPresent);
        var robot = await _data.FindUser(seat.UserId);
        Assert.Equal("maya92", robot.Username);
        Assert.True(robot.IsRobot);
        Assert.True(robot.IsSignedIn);
    }

    [Fact]
    public async Task Host_WithARobot_AnnouncesTheRobotAsAJoin_StoredAndBroadcast()
    {
        var alice = await _data.AddUser("alice");

        await Host(alice, new HostSession("lounge", "eliza", null), "maya92");

        var notice = Assert.Single(await _data.MessagesIn("lounge"));
        Assert.Equal(("maya92 has joined the room.", Username.Server, MessageKind.System), (notice.Text, notice.Sender, notice.Kind));
        await _broadcaster.Received(1).MessagePosted(
            Arg.Is<MessageDto>(m => m.Message == "maya92 has joined the room." && m.Kind == MessageKind.System),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Host_WithARobot_TheRobotTakesNoHumanPlace()
    {
        var alice = await _data.AddUser("alice");

        var session = await Host(alice, new HostSession("lounge", "eliza", 2), "maya92");

        Assert.Equal(SessionState.Pending, session.State);
        Assert.True((await _data.FindSession("lounge")).HasRoom());
    }

    [Fact]
    public async Task Host_WithARobot_SkipsANameASignedInUserHolds_IgnoringCase()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddUser("maya92");

        var session = await Host(alice, new HostSession("lounge", "eliza", null), "Maya92", "quietfox7");

        Assert.Equal(["alice", "quietfox7"], session.Players);
    }

    [Fact]
    public async Task Host_WithARobot_MayTakeTheNameOfAUserWhoSignedOut()
    {
        var alice = await _data.AddUser("alice");
        await _data.SignOut(await _data.AddUser("maya92"));

        var session = await Host(alice, new HostSession("lounge", "eliza", null), "maya92");

        Assert.Equal(["alice", "maya92"], session.Players);
    }

    [Fact]
    public async Task Host_WhenNoRobotNameIsFree_IsRefused_AndNothingIsStored()
    {
        var alice = await _data.AddUser("alice");

        var refused = await Assert.ThrowsAsync<ConflictException>(() => Host(alice, new HostSession("lounge", "eliza", null), "alice"));

        Assert.Equal("No free name could be found for the robot; please try again.", refused.Message);
        await using var db = _data.NewContext();
        Assert.False(await db.Sessions.AnyAsync(Ct));
        Assert.Equal(1, await db.Users.CountAsync(Ct));
    }

    [Fact]
    public async Task Host_WhenAPersonRegistersTheRobotsNameFirst_HostsWithAFreshName()
    {
        var alice = await _data.AddUser("alice");
        await using var use = new UseCase(_data, _broadcaster, new CompetingRequest(() => _data.AddUser("Maya92")));

        var session = await Host(use, alice, new HostSession("lounge", "eliza", null), "maya92", "quietfox7");

        Assert.Equal(["alice", "quietfox7"], session.Players);
        await using var reader = _data.NewContext();
        var person = await reader.Users.SingleAsync(u => u.Username == "Maya92", Ct);
        Assert.False(person.IsRobot);
        Assert.Equal(["quietfox7 has joined the room."], await _data.TextsIn("lounge"));
    }

    [Fact]
    public async Task Host_WithARobot_WhenSomeoneTakesTheRoomFirst_IsToldTheRoomIsTaken_AndNoRobotIsStored()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        await using var use = new UseCase(_data, _broadcaster, new CompetingRequest(() => _data.AddSession(alice, "Lounge")));

        var refused = await Assert.ThrowsAsync<ConflictException>(() => Host(use, bob, new HostSession("lounge", "eliza", null), "maya92"));

        Assert.Equal("The room 'lounge' is taken; please pick another name.", refused.Message);
        await using var reader = _data.NewContext();
        Assert.False(await reader.Users.AnyAsync(u => u.IsRobot, Ct));
    }

    public void Dispose() => _data.Dispose();

    private async Task<SessionDto> Host(User caller, HostSession command, params string[] robotNames)
    {
        await using var use = new UseCase(_data, _broadcaster);
        return await Host(use, caller, command, robotNames);
    }

    private async Task<SessionDto> Host(UseCase use, User caller, HostSession command, params string[] robotNames) =>
        await use.Run(new HostSessionHandler(use.Db, Build.Caller(caller), use.Committer, Build.Recruiter(use.Db, robotNames), _data.Clock), command);
}
