using Chat.Web.Tests.Presence.Support;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Presence;

/// <summary>
/// Two server processes over one SQLite file, each running its presence sweep.
/// Alone in its class: it counts what the sweeps report, which players left
/// behind by another test would add to.
/// </summary>
public sealed class TwoServerExpiryTests(TwoServers servers) : IClassFixture<TwoServers>
{
    [Fact]
    public async Task APlayerWhoLeftProcessA_IsTakenOutOnce_ThoughBothProcessesSweep()
    {
        var (a, b) = (servers.A, servers.B);
        var room = Unique.Room();
        await using var alice = await Person.SignUp(a, "alice");
        await using var bob = await Person.SignUp(b, "bob");
        await using var carol = await Person.SignUp(a, "carol");
        await alice.Host(a, room);
        await bob.Join(b, room);
        await carol.Join(a, room);
        var aliceLine = await alice.Enter(a, room);
        await bob.Enter(b, room);
        await carol.Enter(a, room);
        var expiredBefore = a.PlayersExpired + b.PlayersExpired;

        await aliceLine.DisposeAsync();
        var left = $"{alice.Name} has left the room.";
        await Eventually.True(async () => (await bob.History(b, room)).Contains(left), $"'{left}' to be stored");
        await Task.WhenAll(a.WaitForAWholeSweep(), b.WaitForAWholeSweep());

        Assert.Single(await bob.History(b, room), left);
        Assert.Equal(1, a.PlayersExpired + b.PlayersExpired - expiredBefore);

        // The host is handed on once, to one of the two left (drawn at random), the same on both.
        var host = (await Lobby.Session(a, room))!.Value.Host();
        Assert.Contains(host, new[] { bob.Name, carol.Name });
        foreach (var app in servers.All)
        {
            var listed = await Lobby.Session(app, room);
            Assert.NotNull(listed);
            Assert.Equal(host, listed.Value.Host());
            Assert.Equal([bob.Name, carol.Name], listed.Value.Players());
            Assert.Empty(app.Log.Problems);
        }
    }
}
