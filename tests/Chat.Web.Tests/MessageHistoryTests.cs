using System.Net;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests;

/// <summary><c>GET /api/sessions/{room}/messages</c>: paging by id, and who may read.</summary>
public sealed class MessageHistoryTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task History_ReturnsTheSeedBody_WithMessagesOldestFirst()
    {
        var (room, alice, ids) = await RoomWith(3);

        var body = await Wire.Ok(await alice.Get(ChatClient.HistoryPath(room)));

        Wire.AssertMembers(body, "message", "messages");
        Assert.Equal("Messages", body.Str("message"));
        var messages = body.GetProperty("messages").Items();
        Assert.All(messages, m => Wire.AssertMembers(m, Wire.MessageMembers));
        Assert.Equal(ids, messages.Where(m => m.Str("kind") == "chat").Select(m => m.LongNumber("id")));
        Assert.Equal(messages.Select(m => m.LongNumber("id")).Order(), messages.Select(m => m.LongNumber("id")));
    }

    [Fact]
    public async Task History_WithoutIds_ReturnsTheLatestLimit()
    {
        var (room, alice, ids) = await RoomWith(10);

        Assert.Equal(ids[^3..], Ids(await alice.History(room, "limit=3")));
    }

    [Fact]
    public async Task History_WithoutLimit_ReturnsAtMost50()
    {
        var (room, alice, ids) = await RoomWith(55);

        Assert.Equal(ids[^50..], Ids(await alice.History(room)));
    }

    [Fact]
    public async Task History_BeforeAnId_ReturnsTheLatestLimitBeforeIt()
    {
        var (room, alice, ids) = await RoomWith(10);

        Assert.Equal(ids[3..5], Ids(await alice.History(room, $"before_id={ids[5]}&limit=2")));
    }

    [Fact]
    public async Task History_AfterAnId_ReturnsTheOldestLimitAfterIt()
    {
        var (room, alice, ids) = await RoomWith(10);

        Assert.Equal(ids[6..8], Ids(await alice.History(room, $"after_id={ids[5]}&limit=2")));
        Assert.Empty(await alice.History(room, $"after_id={ids[^1]}"));
    }

    [Fact]
    public async Task History_AfterAndBeforeIds_ReturnsThatRange()
    {
        var (room, alice, ids) = await RoomWith(10);

        Assert.Equal(ids[3..7], Ids(await alice.History(room, $"after_id={ids[2]}&before_id={ids[7]}")));
    }

    [Theory]
    [InlineData("limit=100000")]
    [InlineData("limit=99999999999")]
    [InlineData("limit=9007199254740991")]
    public async Task History_LimitAbove500_IsClampedTo500(string query)
    {
        var (room, alice, ids) = await RoomWith(505);

        Assert.Equal(ids[^500..], Ids(await alice.History(room, query)));
    }

    [Fact]
    public async Task History_AfterAnIdTooLargeToStore_IsEmpty()
    {
        var (room, alice, _) = await RoomWith(3);

        Assert.Empty(await alice.History(room, "after_id=99999999999999999999"));
    }

    [Fact]
    public async Task History_BeforeAnIdTooLargeToStore_IsTheLatest()
    {
        var (room, alice, ids) = await RoomWith(3);

        Assert.Equal(ids, Ids(await alice.History(room, "before_id=99999999999999999999")));
    }

    [Theory]
    [InlineData("after_id=abc", "after_id")]
    [InlineData("after_id=1.5", "after_id")]
    [InlineData("after_id=%20", "after_id")]
    [InlineData("before_id=1.5", "before_id")]
    [InlineData("before_id=0x10", "before_id")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=1.5", "limit")]
    [InlineData("limit=1e3", "limit")]
    [InlineData("limit=-99999999999", "limit")]
    [InlineData("after_id=-99999999999999999999", "after_id")]
    [InlineData("after_id=-", "after_id")]
    [InlineData("limit=+", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("after_id=-1", "after_id")]
    [InlineData("before_id=-5", "before_id")]
    [InlineData("limit=", "limit")]
    [InlineData("after_id=", "after_id")]
    public async Task History_WithABadNumber_Is400NamingTheField(string query, string field)
    {
        var (room, alice, _) = await RoomWith(1);

        var refused = await Wire.ValidationProblem(await alice.Get(ChatClient.HistoryPath(room, query)), field);

        Assert.Single(refused.GetProperty("errors").EnumerateObject());
    }

    [Fact]
    public async Task History_WithTwoBadNumbers_NamesBoth()
    {
        var (room, alice, _) = await RoomWith(1);

        await Wire.ValidationProblem(await alice.Get(ChatClient.HistoryPath(room, "after_id=abc&limit=x")), "after_id", "limit");
    }

    [Fact]
    public async Task History_ForANonPlayer_Is403()
    {
        var (room, _, _) = await RoomWith(1);
        var mallory = await app.SignUp();

        await Wire.Problem(await mallory.Get(ChatClient.HistoryPath(room)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task History_ForAFormerPlayer_IsAllowed()
    {
        var (room, _, ids) = await RoomWith(2);
        var bob = await app.SignUp();
        await bob.Join(room);
        await bob.Leave();

        Assert.Equal(ids, Ids(await bob.History(room)));
    }

    [Fact]
    public async Task History_ForAPlayerWhoJoinedLate_IncludesWhatWasSaidBefore()
    {
        var (room, _, ids) = await RoomWith(2);
        var bob = await app.SignUp();

        await bob.Join(room);

        Assert.Equal(ids, Ids(await bob.History(room)));
    }

    [Fact]
    public async Task History_OfNoSuchRoom_Is404()
    {
        var alice = await app.SignUp();

        await Wire.Problem(await alice.Get(ChatClient.HistoryPath(Unique.Room("nowhere"))), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task History_WithoutSignIn_Is401()
    {
        var (room, _, _) = await RoomWith(1);

        await Wire.Problem(await app.Anonymous().Get(ChatClient.HistoryPath(room)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task History_RoomNameInAnotherCase_IsTheSameRoom()
    {
        var (room, alice, ids) = await RoomWith(1);

        Assert.Equal(ids, Ids(await alice.History(room.ToUpperInvariant())));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task History_OfARoomNamedOnlyWithDots_IsNoAddress_ButTheHubsJoinReadsIt(string room)
    {
        var alice = await app.SignUp();
        await alice.Host(room);
        var said = await (await alice.Enter(room)).Say(room, "hello from the dots");
        var bob = await app.SignUp();
        await bob.Join(room);

        var bobs = await bob.Connect();
        var joined = await bobs.Invoke("join", new { room, username = bob.Username, after_seq = 0 });
        var again = await bobs.Invoke("join", new { room, username = bob.Username, after_seq = said.LongNumber("seq") });

        Assert.Contains(joined.GetProperty("messages").Items(), m => m.LongNumber("id") == said.LongNumber("id"));
        Assert.True(joined.GetProperty("complete").GetBoolean());
        Assert.DoesNotContain(again.GetProperty("messages").Items(), m => m.LongNumber("seq") <= said.LongNumber("seq"));
        Assert.NotEqual(HttpStatusCode.OK, (await alice.Get(ChatClient.HistoryPath(room))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await alice.Get($"/api/sessions/{room.Replace(".", "%2E", StringComparison.Ordinal)}/messages")).StatusCode);
    }

    private static long[] Ids(IEnumerable<System.Text.Json.JsonElement> messages) =>
        [.. messages.Where(m => m.Str("kind") == "chat").Select(m => m.LongNumber("id"))];

    /// <summary>A room whose host said <paramref name="count"/> messages; returns their ids in order.</summary>
    private async Task<(string Room, ChatClient Host, long[] Ids)> RoomWith(int count)
    {
        var room = Unique.Room();
        var alice = await app.SignUp();
        await alice.Host(room);
        var alices = await alice.Connect();
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = (await alices.Say(room, $"line {i}")).LongNumber("id");
        }

        return (room, alice, ids);
    }
}
