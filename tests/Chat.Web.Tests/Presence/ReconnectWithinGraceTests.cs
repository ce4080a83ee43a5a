using System.Diagnostics;
using Chat.Web.Tests.Presence.Support;

namespace Chat.Web.Tests.Presence;

public sealed class ReconnectWithinGraceTests(OneServerWithTimeToReconnect servers) : IClassFixture<OneServerWithTimeToReconnect>
{
    [Fact]
    public async Task Reconnect_WithinTheGrace_KeepsThePlayersPlace_AndNobodyIsToldTheyLeft()
    {
        var app = servers.A;
        var room = Rooms.Fresh();
        await using var host = await Person.SignUp(app, "host");
        await using var guest = await Person.SignUp(app, "guest");
        await host.Host(app, room);
        await guest.Join(app, room);
        var hostLine = await host.Enter(app, room);
        var guestLine = await guest.Enter(app, room);

        var away = Stopwatch.StartNew();
        await guestLine.Stop();
        var guestBack = await guest.Enter(app, room);
        Assert.True(away.Elapsed < servers.DisconnectGrace, $"Reconnecting took {away.Elapsed}, longer than the grace: the test proves nothing.");

        // The host leaves after the guest did; once the host's grace has run out, a
        // sweep has looked at the guest after theirs had run out too.
        await hostLine.Stop();
        await guestBack.NextSessionUpdate(s => s.Host() == guest.Name);
        await guestBack.NextMessageSaying($"{host.Name} has left the room.");

        var listed = await Lobby.Session(app, room);
        Assert.NotNull(listed);
        Assert.Equal([guest.Name], listed.Value.Players());
        var history = await guest.History(app, room);
        Assert.DoesNotContain($"{guest.Name} has left the room.", history);
        Assert.Single(history, $"{host.Name} has left the room.");
        Assert.DoesNotContain($"{guest.Name} has left the room.", guestBack.Texts);
        Assert.Empty(app.Log.Problems);
    }
}
