using Chat.Infrastructure.Tests.Presence.Support;

namespace Chat.Infrastructure.Tests.Presence;

/// <summary>DatabasePresenceTracker.ForgetEnded over a real SQLite file: old connection records go, unless a seat may still need them.</summary>
public sealed class ForgetEndedTests : IDisposable
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    private readonly PresenceDatabase _data = new();

    [Fact]
    public async Task ForgetEnded_AnUnseatedUsersConnectionClosedLongAgo_IsForgotten_AndARecentOneKept()
    {
        var alice = await _data.AddUser("alice");
        await _data.Connected("old", alice);
        await _data.Disconnected("old");
        _data.Clock.Advance(Retention + TimeSpan.FromMinutes(1));
        await _data.Connected("recent", alice);
        await _data.Disconnected("recent");

        var forgotten = await _data.ForgetEnded(Retention);

        Assert.Equal(1, forgotten);
        Assert.Equal(["recent"], await _data.ConnectionIds());
    }

    [Fact]
    public async Task ForgetEnded_AConnectionItsProcessStoppedVouchingForLongAgo_IsForgotten()
    {
        var alice = await _data.AddUser("alice");
        await _data.Connected("orphan", alice);

        _data.Clock.Advance(Retention + TimeSpan.FromMinutes(1));
        await _data.ForgetEnded(Retention);

        Assert.Empty(await _data.ConnectionIds());
    }

    [Fact]
    public async Task ForgetEnded_ASeatedPlayersOldConnection_IsKept_SoTheirAbsenceStillCounts()
    {
        var alice = await _data.AddUser("alice");
        await _data.Host(alice, "lounge");
        await _data.Connected("c1", alice);
        await _data.Disconnected("c1");

        _data.Clock.Advance(Retention + TimeSpan.FromMinutes(1));
        var forgotten = await _data.ForgetEnded(Retention);

        Assert.Equal(0, forgotten);
        Assert.Equal(["c1"], await _data.ConnectionIds());
        Assert.NotEmpty(await _data.FindLapsed());
    }

    [Fact]
    public async Task ForgetEnded_AConnectionStillVouchedFor_IsKept()
    {
        var alice = await _data.AddUser("alice");
        await _data.Connected("live", alice);
        _data.Clock.Advance(Retention + TimeSpan.FromMinutes(1));
        await _data.Heartbeat("live");

        await _data.ForgetEnded(Retention);

        Assert.Equal(["live"], await _data.ConnectionIds());
    }

    public void Dispose() => _data.Dispose();
}
