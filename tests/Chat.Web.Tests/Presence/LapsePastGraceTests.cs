using Chat.Web.Tests.Presence.Support;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Presence;

public sealed class LapsePastGraceTests(OneServer servers) : IClassFixture<OneServer>
{
    [Fact]
    public async Task AHostWhoStaysAway_PastTheGrace_HandsTheHostOn_AndTheRoomIsTold()
    {
        var app = servers.A;
        var room = Unique.Room();
        await using var host = await Person.SignUp(app, "host");
        await using var guest = await Person.SignUp(app, "guest");
        await host.Host(app, room);
        await guest.Join(app, room);
        var hostLine = await host.Enter(app, room);
        var guestLine = await guest.Enter(app, room);

        await hostLine.DisposeAsync();

        await Eventually.True(async () => (await Lobby.Session(app, room))?.Host() == guest.Name, "the host to be handed on");
        var updated = await guestLine.NextSessionUpdate(s => s.Host() == guest.Name);
        Assert.Equal([guest.Name], updated.Players());
        Assert.Equal("pending", updated.GetProperty("state").GetString());
        await guestLine.NextMessageSaying($"{host.Name} has left the room.");
        var listed = await Lobby.Session(app, room);
        Assert.NotNull(listed);
        Assert.Equal(guest.Name, listed.Value.Host());
        Assert.Equal(updated.GetProperty("host_id").GetInt32(), listed.Value.GetProperty("host_id").GetInt32());
        Assert.Equal(updated.Players(), listed.Value.Players());
        Assert.Single(await guest.History(app, room), $"{host.Name} has left the room.");
    }

    [Fact]
    public async Task TheLastHumanStayingAway_EndsTheSession_WhichIsNoLongerListed()
    {
        var app = servers.A;
        var room = Unique.Room();
        await using var host = await Person.SignUp(app, "host");
        await host.Host(app, room);
        var hostLine = await host.Enter(app, room);

        await hostLine.DisposeAsync();

        await Eventually.True(async () => await Lobby.Session(app, room) is null, $"'{room}' to leave the listing");
        Assert.Equal(
            [$"{host.Name} has joined the room.", $"{host.Name} has left the room.", "The session has ended."],
            await host.History(app, room));
    }

    [Fact]
    public async Task APlayerWhoJoinsByRestAndNeverConnects_IsGivenUpAfterTheGrace_AndTheRoomIsTold()
    {
        var app = servers.A;
        var room = Unique.Room();
        await using var host = await Person.SignUp(app, "host");
        await using var guest = await Person.SignUp(app, "guest");
        await host.Host(app, room);
        var hostLine = await host.Enter(app, room);

        // A connection that closed before the seat was taken does not hold it either.
        await (await guest.Connect(app)).DisposeAsync();
        await app.ConnectionsClosed(guest.Name);
        await guest.Join(app, room);

        var listed = await Eventually.Value(() => Lobby.Session(app, room), s => s?.Players().Length == 1, "the guest's seat to be given up");
        Assert.Equal([host.Name], listed!.Value.Players());
        Assert.Equal(host.Name, listed.Value.Host());
        await hostLine.NextMessageSaying($"{guest.Name} has left the room.");
    }
}
