using Chat.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Web.Tests;

/// <summary>
/// The hub's <c>message</c>: stored, then broadcast to the room (sender included)
/// and returned; every refusal stores and broadcasts nothing and fails the
/// invocation with a readable reason.
/// </summary>
public sealed class HubMessageTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task Message_FromAPlayer_IsStoredBroadcastToTheRoomAndReturned()
    {
        var (room, alice, alices, bob, bobs) = await TwoPlayers();

        var returned = await alices.Say(room, "hello bob");

        Wire.AssertMembers(returned, Wire.MessageMembers);
        Assert.True(returned.LongNumber("id") > 0);
        Assert.Equal((await Sessions.Find(app, room)).Number("id"), returned.Number("session_id"));
        Assert.Equal(room, returned.Str("room"));
        Assert.Equal(alice.Username, returned.Str("from"));
        Assert.Equal("hello bob", returned.Str("message"));
        Assert.Equal("chat", returned.Str("kind"));
        Wire.AssertTimestamp(returned.Str("timestamp"));
        Assert.Equal(returned.GetRawText(), (await alices.NextMessageSaying("hello bob")).GetRawText());
        Assert.Equal(returned.GetRawText(), (await bobs.NextMessageSaying("hello bob")).GetRawText());
        var stored = Assert.Single(await bob.History(room), m => m.LongNumber("id") == returned.LongNumber("id"));
        Assert.Equal(returned.GetRawText(), stored.GetRawText());
    }

    [Fact]
    public async Task Message_FromSomeoneElse_IsRefusedAndNotStored()
    {
        var (room, alice, alices, bob, bobs) = await TwoPlayers();

        var reason = await alices.InvokeRefused("message", new { from = bob.Username, room, message = "I am bob" });

        Wire.AssertReadable(reason);
        await AssertNothingArrived(room, bobs, alices);
        Assert.DoesNotContain(await alice.History(room), m => m.Str("message") == "I am bob");
    }

    [Fact]
    public async Task Message_ToARoomTheSenderDoesNotPlayIn_IsRefusedAndNotStored()
    {
        var (room, alice, alices, _, bobs) = await TwoPlayers();
        var other = Unique.Room();
        var carol = await app.SignUp();
        await carol.Host(other);
        var carols = await carol.Enter(other);

        var reason = await carols.InvokeRefused("message", new { from = carol.Username, room, message = "let me in" });

        Wire.AssertReadable(reason);
        await AssertNothingArrived(room, bobs, alices);
        Assert.DoesNotContain(await alice.History(room), m => m.Str("message") == "let me in");
    }

    [Fact]
    public async Task Message_ToASessionThatEnded_IsRefusedAndNotStored()
    {
        var room = Unique.Room();
        var alice = await app.SignUp();
        await alice.Host(room);
        var alices = await alice.Enter(room);
        await alice.Leave();
        var before = await alice.History(room);

        var reason = await alices.InvokeRefused("message", new { from = alice.Username, room, message = "anyone?" });

        Wire.AssertReadable(reason);
        Assert.Equal(before.Length, (await alice.History(room)).Length);
    }

    [Fact]
    public async Task Message_ToNoSuchRoom_IsRefused()
    {
        var alice = await app.SignUp();
        var connection = await alice.Connect();

        var reason = await connection.InvokeRefused("message", new { from = alice.Username, room = Unique.Room("nowhere"), message = "hi" });

        Wire.AssertReadable(reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\n\t  \r\n")]
    public async Task Message_BlankText_IsRefusedAndNotStored(string text)
    {
        var (room, alice, alices, _, bobs) = await TwoPlayers();

        var reason = await alices.InvokeRefused("message", new { from = alice.Username, room, message = text });

        Wire.AssertReadable(reason);
        await AssertNothingArrived(room, bobs, alices);
    }

    [Fact]
    public async Task Message_OfExactly2000Characters_IsStored()
    {
        var (room, alice, alices, _, _) = await TwoPlayers();
        var text = new string('a', 2000);

        await alices.Say(room, text);

        Assert.Contains(await alice.History(room), m => m.Str("message") == text);
    }

    [Fact]
    public async Task Message_Over2000Characters_IsRefusedAndNotStored()
    {
        var (room, alice, alices, _, bobs) = await TwoPlayers();

        var reason = await alices.InvokeRefused("message", new { from = alice.Username, room, message = new string('a', 2001) });

        Assert.Contains("2000", reason, StringComparison.Ordinal);
        await AssertNothingArrived(room, bobs, alices);
    }

    [Fact]
    public async Task Message_Of2000Emoji_CountsEachOnce_AndIsStored()
    {
        var (room, alice, alices, _, _) = await TwoPlayers();
        var text = string.Concat(Enumerable.Repeat("😀", 2000));

        await alices.Say(room, text);
        await alices.InvokeRefused("message", new { from = alice.Username, room, message = text + "😀" });

        Assert.Single(await alice.History(room), m => m.Str("message").StartsWith("😀", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"room\": \"ROOM\", \"message\": \"hi\"}")]
    [InlineData("{\"from\": null, \"room\": \"ROOM\", \"message\": \"hi\"}")]
    [InlineData("{\"from\": \"ME\", \"message\": \"hi\"}")]
    [InlineData("{\"from\": \"ME\", \"room\": \"\", \"message\": \"hi\"}")]
    [InlineData("{\"from\": \"ME\", \"room\": \"ROOM\"}")]
    [InlineData("{\"from\": \"ME\", \"room\": \"ROOM\", \"message\": null}")]
    [InlineData("{}")]
    [InlineData("null")]
    public async Task Message_WithAMissingField_IsRefusedAndNotStored(string argument)
    {
        var (room, alice, alices, _, bobs) = await TwoPlayers();
        var payload = System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement?>(
            argument.Replace("ROOM", room, StringComparison.Ordinal).Replace("\"ME\"", $"\"{alice.Username}\"", StringComparison.Ordinal));

        var reason = await alices.InvokeRefused("message", payload);

        Wire.AssertReadable(reason);
        await AssertNothingArrived(room, bobs, alices);
    }

    [Fact]
    public async Task Message_WithWronglyTypedFields_IsRefusedNamingTheField_AndTheConnectionStaysUsable()
    {
        var (room, alice, alices, _, bobs) = await TwoPlayers();

        Assert.Equal("message has the wrong type or format.", await alices.InvokeRefused("message", new { from = alice.Username, room, message = 42 }));
        Assert.Equal("from has the wrong type or format.", await alices.InvokeRefused("message", new { from = new[] { alice.Username }, room, message = "hi" }));
        Assert.Equal("client_msg_id has the wrong type or format.", await alices.InvokeRefused("message", new { from = alice.Username, room, message = "hi", client_msg_id = 7 }));

        await AssertNothingArrived(room, bobs, alices);
        Assert.True(alices.HasNoPendingError);
        Assert.Equal("still here", (await alices.Say(room, "still here")).Str("message"));
    }

    [Fact]
    public async Task Message_WhenOnlySent_GetsNoResponse_AndIsNotStored()
    {
        var (room, alice, alices, bob, bobs) = await TwoPlayers();

        await alices.Hub.SendAsync("message", new { from = bob.Username, room, message = "fire and forget" }, TestContext.Current.CancellationToken);

        await AssertNothingArrived(room, bobs, alices);
        Assert.True(alices.HasNoPendingError);
        Assert.DoesNotContain(await alice.History(room), m => m.Str("message") == "fire and forget");
    }

    [Fact]
    public async Task Message_OverTheHubsSizeLimit_ClosesTheConnection_AndStoresNothing()
    {
        var (room, alice, alices, _, bobs) = await TwoPlayers();

        await Assert.ThrowsAnyAsync<Exception>(() => alices.Say(room, new string('a', 70 * 1024)));

        await alices.WaitUntilClosed();
        var again = await alice.Connect();
        await AssertNothingArrived(room, bobs, again);
    }

    /// <summary>Alice hosts, Bob joins; both connections have joined the room and read their join notices.</summary>
    private async Task<(string Room, ChatClient Alice, RoomConnection Alices, ChatClient Bob, RoomConnection Bobs)> TwoPlayers()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var alices = await alice.Enter(room);
        var bobs = await bob.Enter(room);
        await alices.NextMessageSaying($"{bob.Username} has joined the room.");
        return (room, alice, alices, bob, bobs);
    }

    /// <summary>
    /// Proves that no message reached the watcher: a marker sent now by the speaker
    /// is the first message the watcher sees.
    /// </summary>
    private static async Task AssertNothingArrived(string room, RoomConnection watcher, RoomConnection speaker)
    {
        var marker = $"marker {Guid.NewGuid():N}";
        await speaker.Say(room, marker);
        Assert.Empty(await watcher.MessagesBefore(marker));
    }
}
