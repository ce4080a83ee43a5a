using Chat.Web.Tests.Support;

namespace Chat.Web.Tests;

/// <summary>
/// The hub's <c>typing</c>: the room's other connections hear <c>typing {room, from}</c>,
/// none of the typist's own; at most one a second per player is relayed; nothing is
/// stored; a caller who is not a player, or a blank room, gets a failed call.
/// </summary>
public sealed class HubTypingTests(ChatApp app) : IClassFixture<ChatApp>
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);

    [Fact]
    public async Task Typing_ReachesTheOtherPlayers_AndNoneOfTheTypistsOwnConnections()
    {
        var (room, alice, alices, bob, bobs) = await TwoPlayers();
        var alicesOtherTab = await alice.Connect();
        await alicesOtherTab.Join(room);

        await alices.Type(room);

        var heard = await bobs.NextTyping();
        Wire.AssertMembers(heard, "from", "room");
        Assert.Equal(room, heard.Str("room"));
        Assert.Equal(alice.Username, heard.Str("from"));
        await alices.AssertNoTypingFor(Quiet);
        Assert.Empty(alicesOtherTab.AllTyping);

        // And the other way round: Bob's signal reaches both of Alice's tabs.
        await bobs.Type(room);
        Assert.Equal(bob.Username, (await alices.NextTyping()).Str("from"));
        Assert.Equal(bob.Username, (await alicesOtherTab.NextTyping()).Str("from"));
        await bobs.AssertNoTypingFor(Quiet);
    }

    [Fact]
    public async Task Typing_SeveralTimesWithinASecond_IsRelayedOnce_AndAgainASecondLater()
    {
        var (room, _, alices, _, bobs) = await TwoPlayers();

        for (var i = 0; i < 5; i++)
        {
            await alices.Type(room);
        }

        await bobs.NextTyping();
        await bobs.AssertNoTypingFor(Quiet);
        Assert.Single(bobs.AllTyping);

        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        await alices.Type(room);
        await bobs.NextTyping();
        Assert.Equal(2, bobs.AllTyping.Count);
    }

    [Fact]
    public async Task Typing_IsNotStored()
    {
        var (room, alice, alices, _, bobs) = await TwoPlayers();
        var before = await alice.History(room);

        await alices.Type(room);
        await bobs.NextTyping();

        Assert.Equal(before.Select(m => m.GetRawText()), (await alice.History(room)).Select(m => m.GetRawText()));
    }

    [Fact]
    public async Task Typing_InARoomTheCallerDoesNotPlayIn_FailsWithAReason_AndNobodyHearsIt()
    {
        var (room, _, alices, _, bobs) = await TwoPlayers();
        var carol = await app.SignUp();
        var other = Unique.Room();
        await carol.Host(other);
        var carols = await carol.Enter(other);

        var reason = await carols.InvokeRefused("typing", new { room });

        Wire.AssertReadable(reason);
        Assert.Contains(room, reason, StringComparison.Ordinal);
        await bobs.AssertNoTypingFor(Quiet);
        Assert.Empty(alices.AllTyping);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Typing_WithABlankRoom_FailsWithAReason(string? room)
    {
        var (_, _, alices, _, bobs) = await TwoPlayers();

        var reason = await alices.InvokeRefused("typing", new { room });

        Wire.AssertReadable(reason);
        await bobs.AssertNoTypingFor(Quiet);
    }

    [Fact]
    public async Task Typing_InARoomThatDoesNotExist_FailsWithAReason()
    {
        var (_, _, alices, _, _) = await TwoPlayers();

        var reason = await alices.InvokeRefused("typing", new { room = Unique.Room() });

        Wire.AssertReadable(reason);
    }

    [Fact]
    public async Task Typing_WithARoomOfTheWrongType_FailsNamingIt()
    {
        var (_, _, alices, _, _) = await TwoPlayers();

        var reason = await alices.InvokeRefused("typing", new { room = 5 });

        Assert.Equal("room has the wrong type or format.", reason);
    }

    [Fact]
    public async Task Typing_AfterLeaving_FailsWithAReason()
    {
        var (room, alice, alices, _, bobs) = await TwoPlayers();
        await alice.Leave();

        var reason = await alices.InvokeRefused("typing", new { room });

        Wire.AssertReadable(reason);
        await bobs.AssertNoTypingFor(Quiet);
    }

    private async Task<(string Room, ChatClient Alice, RoomConnection Alices, ChatClient Bob, RoomConnection Bobs)> TwoPlayers()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var alices = await alice.Enter(room);
        var bobs = await bob.Enter(room);
        await alices.NextMessageSaying($"{bob.Username} has joined the room.");
        return (room, alice, alices, bob, bobs);
    }
}
