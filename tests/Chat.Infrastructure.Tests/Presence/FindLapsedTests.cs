using Chat.Application.Common.Interfaces;
using Chat.Application.Presence.FindLapsedPlayers;
using Chat.Infrastructure.Tests.Presence.Support;

namespace Chat.Infrastructure.Tests.Presence;

/// <summary>FindLapsedPlayers over DatabasePresenceTracker and a real SQLite file; the grace is 60 s, a connection is stale after 30 s.</summary>
public sealed class FindLapsedTests : IDisposable
{
    private readonly PresenceDatabase _data = new();

    [Fact]
    public async Task FindLapsed_APlayerWhoNeverConnected_LapsesOnceTheGraceHasPassedSinceTheSeatWasTaken()
    {
        var alice = await _data.AddUser("alice");
        var session = await _data.Host(alice, "lounge");

        _data.Clock.Advance(PresenceDatabase.Grace - TimeSpan.FromSeconds(1));
        Assert.Empty(await _data.FindLapsed());

        _data.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal([new LapsedPlayer(alice.Id, session.Id)], await _data.FindLapsed());
    }

    [Fact]
    public async Task FindLapsed_AConnectionClosedBeforeThePlayerJoined_CountsFromTheSeatNotFromTheConnection()
    {
        var alice = await _data.AddUser("alice");
        await _data.Connected("c1", alice);
        _data.Clock.Advance(TimeSpan.FromSeconds(5));
        await _data.Disconnected("c1");
        _data.Clock.Advance(PresenceDatabase.Grace - TimeSpan.FromSeconds(2));
        var session = await _data.Host(alice, "lounge");

        _data.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(await _data.FindLapsed());

        _data.Clock.Advance(PresenceDatabase.Grace);
        Assert.Equal([new LapsedPlayer(alice.Id, session.Id)], await _data.FindLapsed());
    }

    [Fact]
    public async Task FindLapsed_AConnectionOpenWhenThePlayerJoined_CountsOnceClosed()
    {
        var alice = await _data.AddUser("alice");
        await _data.Connected("c1", alice);
        _data.Clock.Advance(TimeSpan.FromSeconds(5));
        var session = await _data.Host(alice, "lounge");
        _data.Clock.Advance(TimeSpan.FromSeconds(5));
        await _data.Disconnected("c1");

        _data.Clock.Advance(PresenceDatabase.Grace + TimeSpan.FromSeconds(1));

        Assert.Equal([new LapsedPlayer(alice.Id, session.Id)], await _data.FindLapsed());
    }

    [Fact]
    public async Task FindLapsed_WithinTheGrace_IsNotLapsed_AndAfterIt_Is()
    {
        var alice = await _data.AddUser("alice");
        var session = await _data.Host(alice, "lounge");
        await _data.Connected("c1", alice);
        await _data.Disconnected("c1");

        _data.Clock.Advance(PresenceDatabase.Grace - TimeSpan.FromSeconds(1));
        Assert.Empty(await _data.FindLapsed());

        _data.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal([new LapsedPlayer(alice.Id, session.Id)], await _data.FindLapsed());
    }

    [Fact]
    public async Task FindLapsed_APlayerWhoReconnectedWithinTheGrace_IsNotLapsed()
    {
        var alice = await _data.AddUser("alice");
        await _data.Host(alice, "lounge");
        await _data.Connected("c1", alice);
        await _data.Disconnected("c1");
        _data.Clock.Advance(PresenceDatabase.Grace / 2);
        await _data.Connected("c2", alice);

        _data.Clock.Advance(PresenceDatabase.StaleAfter - TimeSpan.FromSeconds(1));
        await _data.Heartbeat("c2");
        _data.Clock.Advance(PresenceDatabase.StaleAfter - TimeSpan.FromSeconds(1));

        Assert.Empty(await _data.FindLapsed());
    }

    [Fact]
    public async Task FindLapsed_OneOfTwoConnectionsClosed_IsNotLapsed()
    {
        var alice = await _data.AddUser("alice");
        await _data.Host(alice, "lounge");
        await _data.Connected("phone", alice);
        await _data.Connected("laptop", alice);
        await _data.Disconnected("phone");

        _data.Clock.Advance(PresenceDatabase.Grace + TimeSpan.FromSeconds(1));
        await _data.Heartbeat("laptop");

        Assert.Empty(await _data.FindLapsed());
    }

    [Fact]
    public async Task FindLapsed_AConnectionKeptAliveByHeartbeats_NeverLapses()
    {
        var alice = await _data.AddUser("alice");
        await _data.Host(alice, "lounge");
        await _data.Connected("c1", alice);

        for (var i = 0; i < 10; i++)
        {
            _data.Clock.Advance(PresenceDatabase.StaleAfter - TimeSpan.FromSeconds(1));
            await _data.Heartbeat("c1");
        }

        Assert.Empty(await _data.FindLapsed());
    }

    [Fact]
    public async Task FindLapsed_AnOpenConnectionOfADeadProcess_CountsAsGoneFromItsLastHeartbeat()
    {
        var alice = await _data.AddUser("alice");
        var session = await _data.Host(alice, "lounge");
        await _data.Connected("c1", alice);
        _data.Clock.Advance(TimeSpan.FromSeconds(10));
        await _data.Heartbeat("c1");

        // Its process died: nobody closes the row or vouches for it again.
        _data.Clock.Advance(PresenceDatabase.StaleAfter + TimeSpan.FromSeconds(1));
        Assert.Empty(await _data.FindLapsed());

        _data.Clock.Advance(PresenceDatabase.Grace - PresenceDatabase.StaleAfter);
        Assert.Equal([new LapsedPlayer(alice.Id, session.Id)], await _data.FindLapsed());
    }

    [Fact]
    public async Task FindLapsed_AHeartbeat_DoesNotReviveAClosedConnection()
    {
        var alice = await _data.AddUser("alice");
        var session = await _data.Host(alice, "lounge");
        await _data.Connected("c1", alice);
        await _data.Disconnected("c1");

        // A process's snapshot of its connections may still hold one that just closed.
        _data.Clock.Advance(TimeSpan.FromSeconds(1));
        await _data.Heartbeat("c1");
        _data.Clock.Advance(PresenceDatabase.Grace);

        Assert.Equal([new LapsedPlayer(alice.Id, session.Id)], await _data.FindLapsed());
    }

    [Fact]
    public async Task FindLapsed_APlayerWhoAlreadyLeft_IsNotListed()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        await _data.Host(alice, "lounge");
        await _data.Join(bob, "lounge");
        await _data.Connected("c1", bob);
        await _data.Disconnected("c1");
        await _data.Leave(bob, "lounge");

        _data.Clock.Advance(PresenceDatabase.Grace + TimeSpan.FromSeconds(1));

        // Alice, who never connected, has lapsed by now; Bob is no player to lapse.
        Assert.DoesNotContain(await _data.FindLapsed(), lapsed => lapsed.UserId == bob.Id);
    }

    public void Dispose() => _data.Dispose();
}
