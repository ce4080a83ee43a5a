using Chat.Web.Tests.Support;

namespace Chat.Web.Tests;

/// <summary>Room events go to the connections that joined that room, and to no one else.</summary>
public sealed class RoomBroadcastTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task TwoPlayersInARoom_EachReceivesTheOthersMessages()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var alices = await alice.Enter(room);
        var bobs = await bob.Enter(room);

        await alices.Say(room, "hi bob");
        await bobs.Say(room, "hi alice");

        var atBob = await bobs.NextMessageSaying("hi bob");
        Assert.Equal(alice.Username, atBob.Str("from"));
        var atAlice = await alices.NextMessageSaying("hi alice");
        Assert.Equal(bob.Username, atAlice.Str("from"));
    }

    [Fact]
    public async Task APlayerOfAnotherRoom_ReceivesNothingFromThisRoom()
    {
        var room = Unique.Room("here");
        var elsewhere = Unique.Room("there");
        var alice = await app.SignUp();
        await alice.Host(room);
        var bob = await app.SignUp();
        await bob.Join(room);
        var carol = await app.SignUp();
        await carol.Host(elsewhere);
        var alices = await alice.Enter(room);
        var bobs = await bob.Enter(room);
        var carols = await carol.Enter(elsewhere);

        await alices.Say(room, "secret of the room");
        await bobs.Say(room, "another secret");
        await bobs.NextMessageSaying("another secret");
        await carols.Say(elsewhere, "marker");

        Assert.Empty(await carols.MessagesBefore("marker"));
        Assert.DoesNotContain(await alices.MessagesBefore("another secret"), m => m.Str("room") == elsewhere);
    }

    [Fact]
    public async Task ANonPlayer_CannotJoinTheRoomsBroadcasts()
    {
        var room = Unique.Room();
        var alice = await app.SignUp();
        await alice.Host(room);
        var alices = await alice.Enter(room);
        var mallory = await app.SignUp();
        var own = Unique.Room("own");
        await mallory.Host(own);
        var mallorys = await mallory.Enter(own);

        await mallorys.InvokeRefused("join", new { room, username = mallory.Username });
        await alices.Say(room, "players only");
        await alices.NextMessageSaying("players only");
        await mallorys.Say(own, "marker");

        Assert.Empty(await mallorys.MessagesBefore("marker"));
    }

    [Fact]
    public async Task APlayerWhoseConnectionHasNotJoined_ReceivesNothingYet()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var alices = await alice.Enter(room);
        var bobs = await bob.Connect();

        await alices.Say(room, "too early");
        await alices.NextMessageSaying("too early");

        await bobs.AssertNoMessageFor(TimeSpan.FromMilliseconds(300));
        var joined = await bobs.Join(room);
        Assert.Contains(joined.GetProperty("messages").Items(), m => m.Str("message") == "too early");
    }

    [Fact]
    public async Task AReconnectedClient_RejoinsAndCatchesUpWithAfterId()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var alices = await alice.Enter(room);
        var bobs = await bob.Enter(room);
        await alices.Say(room, "before the drop");
        var lastSeen = (await bobs.NextMessage(m => m.Str("message") == "before the drop")).LongNumber("id");
        await bobs.DisposeAsync();

        await alices.Say(room, "while bob was away 1");
        await alices.Say(room, "while bob was away 2");
        var again = await bob.Connect();
        await again.Join(room);

        // The seat was announced at bob's first join; his rejoin is silent.
        var missed = await bob.History(room, $"after_id={lastSeen}");
        Assert.Equal(["while bob was away 1", "while bob was away 2"], missed.Select(m => m.Str("message")));
    }
}
