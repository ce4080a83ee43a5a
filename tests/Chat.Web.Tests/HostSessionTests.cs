using System.Net;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests;

/// <summary><c>POST /api/lobby</c> with <c>"type": "host"</c>.</summary>
public sealed class HostSessionTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task Host_ReturnsTheSeedBodyWithTheHubAddress()
    {
        var alice = await app.SignUp();
        var room = Unique.Room("lounge");

        var body = await alice.Host(room);

        Wire.AssertMembers(body, "message", "data", "did_succeed", "ws");
        Wire.AssertReadable(body.Str("message"));
        Assert.Equal(room, body.GetProperty("data").Str("room"));
        Assert.True(body.GetProperty("did_succeed").GetBoolean());
        Assert.Equal($"ws://{app.BaseAddress.Authority}/chat", body.Str("ws"));
    }

    [Fact]
    public async Task Host_CreatesAPendingSession_WithTheCallerAsHostAndFirstPlayer()
    {
        var alice = await app.SignUp();
        var room = Unique.Room();

        await alice.Host(room);

        var session = await Sessions.Find(app, room);
        Wire.AssertMembers(session, Wire.SessionMembers);
        Assert.True(session.Number("id") > 0);
        Assert.Equal(room, session.Str("room"));
        Assert.True(session.IsNull("robot"));
        Assert.Equal((await alice.Me()).Number("id"), session.Number("host_id"));
        Assert.Equal(alice.Username, session.Str("host"));
        Assert.Equal("pending", session.Str("state"));
        Assert.Equal(4, session.Number("max_players_allowed"));
        Assert.Equal([alice.Username], session.GetProperty("players").Strings());
        Wire.AssertTimestamp(session.Str("created_at"));
        Assert.Contains((await Sessions.List(app)).GetProperty("pending_sessions").Items(), s => s.Str("room") == room);
    }

    [Fact]
    public async Task Host_WithARobotAndAPlayerLimit_KeepsBoth()
    {
        var alice = await app.SignUp();
        var room = Unique.Room();

        await alice.Host(room, maxPlayersAllowed: 3, robot: "eliza");

        var session = await Sessions.Find(app, room);
        Assert.Equal("eliza", session.Str("robot"));
        Assert.Equal(3, session.Number("max_players_allowed"));
        Assert.Contains(alice.Username, session.GetProperty("players").Strings());
    }

    [Fact]
    public async Task Host_RoomNameWithSpacesDotsDashesAndUnderscores_IsTrimmedAndKept()
    {
        var alice = await app.SignUp();
        var room = Unique.Room("Café au lait_v1.0 -");

        var body = await alice.Host($"   {room}  ");

        Assert.Equal(room, body.GetProperty("data").Str("room"));
        await Sessions.Find(app, room);
    }

    [Fact]
    public async Task Host_AtTheLimits_OneHundredCharactersAndOneHundredPlayers_IsAccepted()
    {
        var stem = Unique.Room("limits");
        var room = stem + new string('x', 100 - stem.Length);

        await (await app.SignUp()).Host(room, maxPlayersAllowed: 100);

        Assert.Equal(100, (await Sessions.Find(app, room)).Number("max_players_allowed"));
    }

    [Fact]
    public async Task Host_RoomTakenIgnoringCase_Is409AndChangesNothing()
    {
        var room = Unique.Room("taken");
        await (await app.SignUp()).Host(room);
        var bob = await app.SignUp();
        var before = await Sessions.Snapshot(app);

        var response = await bob.Post("/api/lobby", new { type = "host", room = room.ToUpperInvariant() });

        await Wire.Problem(response, HttpStatusCode.Conflict);
        Assert.Equal(before, await Sessions.Snapshot(app));
    }

    [Fact]
    public async Task Host_RoomOfASessionThatEnded_Is409()
    {
        var room = Unique.Room("ended");
        var alice = await app.SignUp();
        await alice.Host(room);
        await alice.Leave();

        var response = await (await app.SignUp()).Post("/api/lobby", new { type = "host", room });

        await Wire.Problem(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Host_WhileInASession_Is409AndChangesNothing()
    {
        var alice = await app.SignUp();
        await alice.Host(Unique.Room());
        var before = await Sessions.Snapshot(app);

        var response = await alice.Post("/api/lobby", new { type = "host", room = Unique.Room() });

        await Wire.Problem(response, HttpStatusCode.Conflict);
        Assert.Equal(before, await Sessions.Snapshot(app));
    }

    [Fact]
    public async Task Host_WithoutSignIn_Is401()
    {
        var response = await app.Anonymous().Post("/api/lobby", new { type = "host", room = Unique.Room() });

        await Wire.Problem(response, HttpStatusCode.Unauthorized);
    }
}
