using System.Diagnostics;
using Chat.Web.Tests.Presence.Support;

namespace Chat.Web.Tests.Presence;

/// <summary>Two server processes over one SQLite file, each running its presence sweep.</summary>
[Collection(SharedTwoServers.Name)]
public sealed class TwoServerReconnectTests(TwoServers servers)
{
    [Fact]
    public async Task APlayerWhoReconnectsToProcessB_WithinTheGrace_KeepsTheirPlace_ThoughProcessASawThemGo()
    {
        var (a, b) = (servers.A, servers.B);
        var room = Rooms.Fresh();
        await using var alice = await Person.SignUp(a, "alice");
        await using var bob = await Person.SignUp(a, "bob");
        await alice.Host(a, room);
        await bob.Join(a, room);
        var aliceLine = await alice.Enter(a, room);
        var bobOnA = await bob.Enter(a, room);

        var away = Stopwatch.StartNew();
        await bobOnA.Stop();
        await bob.Enter(b, room);
        Assert.True(away.Elapsed < servers.DisconnectGrace, $"Reconnecting took {away.Elapsed}, longer than the grace: the test proves nothing.");

        // alice goes after bob did: once her grace has run out, so had his.
        await aliceLine.Stop();
        var left = $"{alice.Name} has left the room.";
        await Eventually.True(async () => (await bob.History(b, room)).Contains(left), $"'{left}' to be stored");

        Assert.DoesNotContain($"{bob.Name} has left the room.", await bob.History(b, room));
        foreach (var app in servers.All)
        {
            var listed = await Lobby.Session(app, room);
            Assert.NotNull(listed);
            Assert.Equal(bob.Name, listed.Value.Host());
            Assert.Equal([bob.Name], listed.Value.Players());
            Assert.Empty(app.Log.Problems);
        }
    }
}
