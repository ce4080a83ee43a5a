using System.Net;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests;

/// <summary>
/// <c>POST /api/lobby</c> with <c>"type": "join", "random": true</c>. Each test runs
/// its own server, since which sessions are open is what is being tested.
/// </summary>
public sealed class JoinRandomSessionTests
{
    [Fact]
    public async Task JoinRandom_WithOneOpenSession_JoinsIt()
    {
        await using var app = await Start();
        var room = Unique.Room();
        await (await app.SignUp()).Host(room, maxPlayersAllowed: 3);
        var bob = await app.SignUp();

        var body = await Wire.Ok(await bob.Post("/api/lobby", new { type = "join", random = true }));

        Assert.Equal(room, body.GetProperty("data").Str("room"));
        Assert.Contains(bob.Username, (await Sessions.Find(app, room)).GetProperty("players").Strings());
    }

    [Fact]
    public async Task JoinRandom_SkipsFullActiveAndEndedSessions()
    {
        await using var app = await Start();
        var ended = await app.SignUp();
        await ended.Host(Unique.Room("ended"));
        await ended.Leave();
        await (await app.SignUp()).Host(Unique.Room("active"), maxPlayersAllowed: 1);
        var open = Unique.Room("open");
        await (await app.SignUp()).Host(open);

        var body = await Wire.Ok(await (await app.SignUp()).Post("/api/lobby", new { type = "join", random = true }));

        Assert.Equal(open, body.GetProperty("data").Str("room"));
    }

    [Fact]
    public async Task JoinRandom_WithNoOpenSession_Is404AndChangesNothing()
    {
        await using var app = await Start();
        await (await app.SignUp()).Host(Unique.Room("active"), maxPlayersAllowed: 1);
        var bob = await app.SignUp();
        var before = await Sessions.Snapshot(app);

        var response = await bob.Post("/api/lobby", new { type = "join", random = true });

        await Wire.Problem(response, HttpStatusCode.NotFound);
        Assert.Equal(before, await Sessions.Snapshot(app));
    }

    private static async Task<ChatApp> Start()
    {
        var app = new ChatApp();
        await app.InitializeAsync();
        return app;
    }
}
