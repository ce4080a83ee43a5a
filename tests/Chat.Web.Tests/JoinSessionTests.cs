using System.Net;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests;

/// <summary><c>POST /api/lobby</c> with <c>"type": "join"</c>, by room name or at random.</summary>
public sealed class JoinSessionTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task Join_PendingSessionWithRoom_ReturnsTheSeedBodyAndSeatsTheCaller()
    {
        var room = Unique.Room();
        var alice = await app.SignUp();
        await alice.Host(room);
        var bob = await app.SignUp();

        var body = await bob.Join(room);

        Wire.AssertMembers(body, "message", "data", "did_succeed", "ws");
        Assert.Equal(room, body.GetProperty("data").Str("room"));
        Assert.True(body.GetProperty("did_succeed").GetBoolean());
        Assert.Equal($"ws://{app.BaseAddress.Authority}/chat", body.Str("ws"));
        var session = await Sessions.Find(app, room);
        Assert.Equal([alice.Username, bob.Username], session.GetProperty("players").Strings());
        var me = await bob.Me();
        Assert.Equal("active", me.Str("state"));
        Assert.Equal(session.Number("id"), me.Number("session_id"));
    }

    [Fact]
    public async Task Join_RoomNameInAnotherCase_JoinsThatRoom()
    {
        var room = Unique.Room("Lounge");
        await (await app.SignUp()).Host(room);

        var body = await (await app.SignUp()).Join(room.ToUpperInvariant());

        Assert.Equal(room, body.GetProperty("data").Str("room"));
    }

    [Fact]
    public async Task Join_NoSuchRoom_Is404AndChangesNothing()
    {
        var bob = await app.SignUp();
        var before = await Sessions.Snapshot(app);

        var response = await bob.Post("/api/lobby", new { type = "join", room = Unique.Room("nowhere") });

        await Wire.Problem(response, HttpStatusCode.NotFound);
        Assert.Equal(before, await Sessions.Snapshot(app));
    }

    [Fact]
    public async Task Join_SessionThatIsFull_Is409AndChangesNothing()
    {
        var room = Unique.Room();
        await (await app.SignUp()).Host(room, maxPlayersAllowed: 2);
        await (await app.SignUp()).Join(room);
        var carol = await app.SignUp();
        var before = await Sessions.Snapshot(app);

        var response = await carol.Post("/api/lobby", new { type = "join", room });

        await Wire.Problem(response, HttpStatusCode.Conflict);
        Assert.Equal(before, await Sessions.Snapshot(app));
    }

    [Fact]
    public async Task Join_SessionThatEnded_Is409()
    {
        var room = Unique.Room();
        var alice = await app.SignUp();
        await alice.Host(room);
        await alice.Leave();

        var response = await (await app.SignUp()).Post("/api/lobby", new { type = "join", room });

        await Wire.Problem(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Join_WhileInASession_Is409()
    {
        var first = Unique.Room();
        var second = Unique.Room();
        await (await app.SignUp()).Host(first);
        await (await app.SignUp()).Host(second);
        var bob = await app.SignUp();
        await bob.Join(first);

        await Wire.Problem(await bob.Post("/api/lobby", new { type = "join", room = second }), HttpStatusCode.Conflict);
        await Wire.Problem(await bob.Post("/api/lobby", new { type = "join", room = first }), HttpStatusCode.Conflict);
        Assert.Equal(2, (await Sessions.Find(app, first)).GetProperty("players").GetArrayLength());
        Assert.Equal(1, (await Sessions.Find(app, second)).GetProperty("players").GetArrayLength());
    }

    [Fact]
    public async Task Join_WithoutSignIn_Is401()
    {
        var response = await app.Anonymous().Post("/api/lobby", new { type = "join", room = Unique.Room() });

        await Wire.Problem(response, HttpStatusCode.Unauthorized);
    }
}
