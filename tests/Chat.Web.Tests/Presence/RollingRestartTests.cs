using Chat.Web.Tests.Presence.Support;

namespace Chat.Web.Tests.Presence;

public sealed class RollingRestartTests
{
    /// <summary>
    /// Left open, the rows would count as live until they went stale, and the grace of
    /// the process's players would be measured from its last heartbeat instead.
    /// </summary>
    [Fact]
    public async Task AProcessThatStops_ClosesTheRowsOfItsConnections()
    {
        await using var servers = new TwoServers();
        await servers.InitializeAsync();
        var (a, b) = (servers.A, servers.B);
        var room = Rooms.Fresh();
        await using var alice = await Person.SignUp(a, "alice");
        await using var bob = await Person.SignUp(a, "bob");
        await alice.Host(a, room);
        await bob.Join(a, room);
        await alice.Enter(a, room);
        await bob.Enter(b, room);

        await a.DisposeAsync();

        Assert.Equal(1, await b.OpenConnectionRows());
        Assert.Equal([alice.Name, bob.Name], (await Lobby.Session(b, room))!.Value.Players());
        Assert.Empty(a.Log.Problems);
        Assert.Empty(b.Log.Problems);
    }
}
