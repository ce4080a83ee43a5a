using System.Text.Json;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests;

/// <summary>
/// The hub's <c>join</c>: a player's connection joins the room's broadcasts and gets
/// the recent history; every refusal is an <c>error</c> event <c>{"msg"}</c> to the
/// caller (as the contract says) and a failed invocation with the same reason.
/// </summary>
public sealed class HubJoinTests(ChatApp app) : IClassFixture<ChatApp>
{
    public const string Required = "Username and room name are required!";

    public static TheoryData<string> BlankArguments =>
    [
        "{}",
        "{\"username\": \"me\"}",
        "{\"room\": null, \"username\": \"me\"}",
        "{\"room\": \"\", \"username\": \"me\"}",
        "{\"room\": \"   \", \"username\": \"me\"}",
        "{\"room\": \"ROOM\"}",
        "{\"room\": \"ROOM\", \"username\": null}",
        "{\"room\": \"ROOM\", \"username\": \"\"}",
        "{\"room\": \"ROOM\", \"username\": \" \\t \"}",
        "null",
    ];

    [Fact]
    public async Task Join_AsAPlayer_ReturnsTheRoomAndHistory_AndAnnouncesTheJoinToTheRoom()
    {
        var room = Unique.Room();
        var alice = await app.SignUp();
        await alice.Host(room);
        var alices = await alice.Enter(room);
        await alices.Say(room, "first");
        var bob = await app.SignUp();
        await bob.Join(room);
        var bobs = await bob.Connect();

        var joined = await bobs.Join(room);

        Wire.AssertMembers(joined, "room", "messages", "complete", "session");
        Assert.Equal(room, joined.Str("room"));
        var texts = joined.GetProperty("messages").Items().Select(m => m.Str("message")).ToList();
        Assert.Equal([$"{alice.Username} has joined the room.", "first"], texts);
        var notice = await alices.NextMessageSaying($"{bob.Username} has joined the room.");
        Wire.AssertMembers(notice, Wire.MessageMembers);
        Assert.Equal("Server", notice.Str("from"));
        Assert.Equal("system", notice.Str("kind"));
        Assert.Equal(room, notice.Str("room"));
        await bobs.NextMessageSaying($"{bob.Username} has joined the room.");
        Assert.Contains(await bob.History(room), m => m.Str("message") == $"{bob.Username} has joined the room.");
    }

    [Fact]
    public async Task Join_ReturnsTheLatest50Messages_OldestFirst()
    {
        var room = Unique.Room();
        var alice = await app.SignUp();
        await alice.Host(room, maxPlayersAllowed: 1);
        var alices = await alice.Enter(room);
        var sent = new List<long>();
        for (var i = 1; i <= 60; i++)
        {
            sent.Add((await alices.Say(room, $"line {i}")).LongNumber("id"));
        }

        var joined = await (await alice.Connect()).Join(room);

        var ids = joined.GetProperty("messages").Items().Select(m => m.LongNumber("id")).ToList();
        Assert.Equal(sent.TakeLast(50), ids);
    }

    [Theory]
    [MemberData(nameof(BlankArguments))]
    public async Task Join_BlankRoomOrUsername_SendsTheSeedErrorAndFails(string argument)
    {
        var room = Unique.Room();
        var alice = await app.SignUp();
        await alice.Host(room);
        var connection = await alice.Connect();
        var payload = JsonSerializer.Deserialize<JsonElement?>(argument.Replace("ROOM", room, StringComparison.Ordinal).Replace("\"me\"", $"\"{alice.Username}\"", StringComparison.Ordinal));

        var reason = await connection.InvokeRefused("join", payload);

        Assert.Equal(Required, reason);
        Assert.Equal(Required, (await connection.NextError()).Str("msg"));
        Assert.DoesNotContain(await alice.History(room), m => m.Str("kind") == "system" && m.Str("message").Contains("joined", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Join_AsSomeoneElse_SendsAnErrorAndJoinsNothing()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var alices = await alice.Enter(room);
        var bobs = await bob.Connect();

        var reason = await bobs.InvokeRefused("join", new { room, username = alice.Username });

        Wire.AssertReadable(reason);
        Assert.Equal(reason, (await bobs.NextError()).Str("msg"));
        await alices.Say(room, "can bob hear this?");
        await bobs.AssertNoMessageFor(TimeSpan.FromMilliseconds(300));
        Assert.Equal(1, (await alice.History(room)).Count(m => m.Str("message").EndsWith("has joined the room.", StringComparison.Ordinal)));
        Assert.True(alices.HasNoPendingError);
    }

    [Fact]
    public async Task Join_ByANonPlayer_SendsAnErrorAndJoinsNothing()
    {
        var room = Unique.Room();
        var alice = await app.SignUp();
        await alice.Host(room);
        var alices = await alice.Enter(room);
        var mallory = await app.SignUp();
        var mallorys = await mallory.Connect();

        var reason = await mallorys.InvokeRefused("join", new { room, username = mallory.Username });

        Wire.AssertReadable(reason);
        Assert.Equal(reason, (await mallorys.NextError()).Str("msg"));
        await alices.Say(room, "players only");
        await mallorys.AssertNoMessageFor(TimeSpan.FromMilliseconds(300));
        Assert.DoesNotContain(await alice.History(room), m => m.Str("message").StartsWith(mallory.Username, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Join_ByAFormerPlayer_SendsAnErrorAndJoinsNothing()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        await bob.Leave();
        var bobs = await bob.Connect();

        var reason = await bobs.InvokeRefused("join", new { room, username = bob.Username });

        Assert.Equal(reason, (await bobs.NextError()).Str("msg"));
    }

    [Fact]
    public async Task Join_NoSuchRoom_SendsAnErrorAndFails()
    {
        var alice = await app.SignUp();
        var connection = await alice.Connect();

        var reason = await connection.InvokeRefused("join", new { room = Unique.Room("nowhere"), username = alice.Username });

        Wire.AssertReadable(reason);
        Assert.Equal(reason, (await connection.NextError()).Str("msg"));
    }

    [Fact]
    public async Task Join_WithAMemberOfTheWrongType_SendsAnErrorNamingIt_AndLeavesTheConnectionUsable()
    {
        var room = Unique.Room();
        var alice = await app.SignUp();
        await alice.Host(room);
        var connection = await alice.Connect();

        var reason = await connection.InvokeRefused("join", new { room = new[] { room }, username = alice.Username });

        Assert.Equal("room has the wrong type or format.", reason);
        Assert.Equal(reason, (await connection.NextError()).Str("msg"));
        var joined = await connection.Join(room);
        Assert.Equal(room, joined.Str("room"));
    }

    [Theory]
    [InlineData(42)]
    [InlineData("lounge")]
    public async Task Join_WithAnArgumentThatIsNotAnObject_FailsAskingForOne(object argument)
    {
        var connection = await (await app.SignUp()).Connect();

        var reason = await connection.InvokeRefused("join", argument);

        Assert.Equal("Send one JSON object as the argument.", reason);
        Assert.Equal(reason, (await connection.NextError()).Str("msg"));
    }
}
