using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Domain.Sessions;
using Chat.Infrastructure.Tests.Presence.Support;
using NSubstitute;

namespace Chat.Infrastructure.Tests.Presence;

/// <summary>
/// ExpireDisconnectedPlayersHandler with the real DatabasePresenceTracker over one
/// SQLite file, each run in a scope of its own as each server process's sweep is.
/// </summary>
public sealed class ExpireOverTheDatabaseTests : IDisposable
{
    private static readonly TimeSpan PastTheGrace = PresenceDatabase.Grace + TimeSpan.FromSeconds(1);

    private readonly PresenceDatabase _data = new();
    private readonly IChatBroadcaster _broadcaster = Substitute.For<IChatBroadcaster>();

    [Fact]
    public async Task Expire_AHostGonePastTheGrace_LeavesAsIfTheyHadSentLeave_AndTheHostIsHandedOn()
    {
        var (alice, bob) = await HostAndJoiner();
        await _data.Disconnected("alice-1");
        _data.Clock.Advance(PastTheGrace);
        await _data.Heartbeat("bob-1");

        var expired = await _data.Expire(_broadcaster);

        Assert.Equal(1, expired);
        var session = await _data.Session("lounge");
        Assert.False(session.IsPresent(alice.Id));
        Assert.Equal(bob.Id, session.HostId);
        Assert.Equal(SessionState.Pending, session.State);
        Assert.Equal(["alice has left the room."], await _data.TextsIn("lounge"));
        await _broadcaster.Received(1).MessagePosted(Arg.Is<MessageDto>(m => m.Message == "alice has left the room."), Arg.Any<CancellationToken>());
        await _broadcaster.Received(1).SessionUpdated(
            Arg.Is<SessionDto>(s => s.Host == "bob" && s.HostId == bob.Id && s.Players.Count == 1 && s.Players[0] == "bob"),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Expire_APlayerWhoReconnectedWithinTheGrace_KeepsTheirPlace()
    {
        var (alice, _) = await HostAndJoiner();
        await _data.Disconnected("alice-1");
        _data.Clock.Advance(PresenceDatabase.Grace / 2);
        await _data.Connected("alice-2", alice);
        _data.Clock.Advance(PresenceDatabase.Grace / 2 + TimeSpan.FromSeconds(5));
        await _data.Heartbeat("alice-2", "bob-1");

        var expired = await _data.Expire(_broadcaster);

        Assert.Equal(0, expired);
        var session = await _data.Session("lounge");
        Assert.True(session.IsPresent(alice.Id));
        Assert.Equal(alice.Id, session.HostId);
        Assert.Empty(await _data.TextsIn("lounge"));
        Assert.Empty(_broadcaster.ReceivedCalls());
    }

    [Fact]
    public async Task Expire_WhenTheLastHumanLapses_EndsTheSession_AndRetiresTheRobot()
    {
        var alice = await _data.AddUser("alice");
        var robot = await _data.AddRobotUser("robot7");
        await _data.Host(alice, "lounge", robot: "eliza");
        await _data.SeatRobot(robot, "lounge");
        await _data.Connected("alice-1", alice);
        await _data.Disconnected("alice-1");
        _data.Clock.Advance(PastTheGrace);

        var expired = await _data.Expire(_broadcaster);

        Assert.Equal(1, expired);
        var session = await _data.Session("lounge");
        Assert.Equal(SessionState.Inactive, session.State);
        Assert.Empty(session.Players);
        Assert.False((await _data.FindUser(robot.Id)).IsSignedIn);
        Assert.Equal(["alice has left the room.", "robot7 has left the room.", "The session has ended."], await _data.TextsIn("lounge"));
        await _broadcaster.Received(1).SessionUpdated(Arg.Is<SessionDto>(s => s.State == SessionState.Inactive), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Expire_AStaleConnectionOfADeadProcess_CountsAsGone()
    {
        var (alice, bob) = await HostAndJoiner();

        // alice's process dies: her row stays open and nobody vouches for it again.
        for (var elapsed = TimeSpan.Zero; elapsed <= PastTheGrace; elapsed += TimeSpan.FromSeconds(10))
        {
            _data.Clock.Advance(TimeSpan.FromSeconds(10));
            await _data.Heartbeat("bob-1");
        }

        var expired = await _data.Expire(_broadcaster);

        Assert.Equal(1, expired);
        var session = await _data.Session("lounge");
        Assert.False(session.IsPresent(alice.Id));
        Assert.Equal(bob.Id, session.HostId);
    }

    [Fact]
    public async Task Expire_RunAgain_TakesNobodyOutTwice()
    {
        await HostAndJoiner();
        await _data.Disconnected("alice-1");
        _data.Clock.Advance(PastTheGrace);
        await _data.Heartbeat("bob-1");

        var first = await _data.Expire(_broadcaster);
        var second = await _data.Expire(_broadcaster);

        Assert.Equal((1, 0), (first, second));
        Assert.Equal(["alice has left the room."], await _data.TextsIn("lounge"));
        await _broadcaster.Received(1).SessionUpdated(Arg.Any<SessionDto>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Expire_RunByTwoProcessesAtOnce_TakesThePlayerOutOnce()
    {
        var (alice, bob) = await HostAndJoiner();
        await _data.Disconnected("alice-1");
        _data.Clock.Advance(PastTheGrace);
        await _data.Heartbeat("bob-1");
        var bothDecided = new Rendezvous(parties: 2);

        var results = await Task.WhenAll(
            Task.Run(() => _data.Expire(_broadcaster, bothDecided.Party()), TestContext.Current.CancellationToken),
            Task.Run(() => _data.Expire(_broadcaster, bothDecided.Party()), TestContext.Current.CancellationToken));

        Assert.Equal(1, results.Sum());
        var session = await _data.Session("lounge");
        Assert.False(session.IsPresent(alice.Id));
        Assert.Equal(bob.Id, session.HostId);
        Assert.Single(session.Members, m => m.UserId == alice.Id);
        Assert.Equal(["alice has left the room."], await _data.TextsIn("lounge"));
        await _broadcaster.Received(1).SessionUpdated(Arg.Any<SessionDto>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Expire_TheLoserOfARace_FindsNothingLeftToDoOnItsNextSweep()
    {
        await HostAndJoiner();
        await _data.Disconnected("alice-1");
        _data.Clock.Advance(PastTheGrace);
        await _data.Heartbeat("bob-1");
        var bothDecided = new Rendezvous(parties: 2);
        await Task.WhenAll(
            Task.Run(() => _data.Expire(_broadcaster, bothDecided.Party()), TestContext.Current.CancellationToken),
            Task.Run(() => _data.Expire(_broadcaster, bothDecided.Party()), TestContext.Current.CancellationToken));

        _data.Clock.Advance(TimeSpan.FromSeconds(5));
        await _data.Heartbeat("bob-1");

        Assert.Equal(0, await _data.Expire(_broadcaster));
        Assert.Empty(await _data.FindLapsed());
        Assert.Equal(["alice has left the room."], await _data.TextsIn("lounge"));
    }

    public void Dispose() => _data.Dispose();

    /// <summary>alice hosts "lounge" and bob joins; each has a live connection ("alice-1", "bob-1").</summary>
    private async Task<(Domain.Users.User Alice, Domain.Users.User Bob)> HostAndJoiner()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        await _data.Host(alice, "lounge");
        await _data.Join(bob, "lounge");
        _data.Clock.Advance(TimeSpan.FromSeconds(1));
        await _data.Connected("alice-1", alice);
        await _data.Connected("bob-1", bob);
        _data.Clock.Advance(TimeSpan.FromSeconds(1));
        return (alice, bob);
    }
}
