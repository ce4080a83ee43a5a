using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Presence;
using Chat.Application.Presence.ExpireDisconnectedPlayers;
using Chat.Application.Sessions.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace Chat.Application.Tests.Presence;

public sealed class ExpireDisconnectedPlayersTests : IDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);

    private readonly TestDatabase _data = new();
    private readonly IPresenceTracker _presence = Substitute.For<IPresenceTracker>();
    private readonly IChatBroadcaster _broadcaster = Substitute.For<IChatBroadcaster>();

    [Fact]
    public async Task Expire_TakesOutAPlayerGoneLongerThanTheGrace_AsIfTheyHadLeft()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        var session = await _data.AddSession(alice, "lounge");
        await _data.Join(bob, "lounge");
        Lapsed(new LapsedPlayer(alice.Id, session.Id));

        var expired = await Expire();

        Assert.Equal(1, expired);
        var stored = await _data.FindSession("lounge");
        Assert.False(stored.IsPresent(alice.Id));
        Assert.Equal(bob.Id, stored.HostId);
        Assert.Equal(["alice has left the room."], await _data.TextsIn("lounge"));
        await _broadcaster.Received(1).SessionUpdated(Arg.Is<SessionDto>(s => s.Host == "bob"), Arg.Any<CancellationToken>());
        var now = _data.Clock.GetUtcNow();
        await _presence.Received(1).FindLapsed(now - Grace, now, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Expire_SkipsPlayersAlreadyGone()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        var session = await _data.AddSession(alice, "lounge");
        await _data.Join(bob, "lounge");
        await _data.Leave(bob, "lounge");
        Lapsed(new LapsedPlayer(bob.Id, session.Id), new LapsedPlayer(alice.Id, session.Id + 1));

        var expired = await Expire();

        Assert.Equal(0, expired);
        Assert.True((await _data.FindSession("lounge")).IsPresent(alice.Id));
        Assert.Empty(_broadcaster.ReceivedCalls());
    }

    [Fact]
    public async Task Expire_WhenAnotherRequestChangedTheSessionFirst_LeavesItForTheNextSweep_AndGoesOn()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        var lounge = await _data.AddSession(alice, "lounge");
        var den = await _data.AddSession(bob, "den");
        var carol = await _data.AddUser("carol");
        Lapsed(new LapsedPlayer(alice.Id, lounge.Id), new LapsedPlayer(bob.Id, den.Id));

        var expired = await Expire(new CompetingRequest(() => _data.Join(carol, "lounge")));

        Assert.Equal(1, expired);
        Assert.True((await _data.FindSession("lounge")).IsPresent(alice.Id));
        Assert.False((await _data.FindSession("den")).IsPresent(bob.Id));
    }

    public void Dispose() => _data.Dispose();

    private void Lapsed(params LapsedPlayer[] players) =>
        _presence.FindLapsed(Arg.Any<DateTimeOffset>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(players);

    private async Task<int> Expire(params IInterceptor[] interceptors)
    {
        await using var db = _data.NewContext(interceptors);
        var handler = new ExpireDisconnectedPlayersHandler(
            db,
            _presence,
            new SessionCommitter(db, _broadcaster, _data.Clock),
            Options.Create(new PresenceOptions { DisconnectGrace = Grace }),
            _data.Clock);
        return await handler.Handle(new ExpireDisconnectedPlayers(), Ct);
    }
}
