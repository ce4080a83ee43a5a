using System.Net;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests;

/// <summary><c>POST /api/lobby</c> with <c>"type": "leave"</c>.</summary>
public sealed class LeaveSessionTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task Leave_AsAPlayer_ReturnsSuccessAndTheUserIsWaitingAgain()
    {
        var room = Unique.Room();
        await (await app.SignUp()).Host(room);
        var bob = await app.SignUp();
        await bob.Join(room);

        var body = await bob.Leave();

        Wire.AssertMembers(body, "message", "did_succeed");
        Wire.AssertReadable(body.Str("message"));
        Assert.True(body.GetProperty("did_succeed").GetBoolean());
        var me = await bob.Me();
        Assert.Equal("waiting", me.Str("state"));
        Assert.True(me.IsNull("session_id"));
        Assert.DoesNotContain(bob.Username, (await Sessions.Find(app, room)).GetProperty("players").Strings());
    }

    [Fact]
    public async Task Leave_WhileConnected_StopsThatConnectionHearingTheRoom()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var alices = await alice.Enter(room);
        var bobs = await bob.Enter(room);

        await bob.Leave();
        await alices.Say(room, "said after bob left");

        // Bob's connection stays open: his next room's join notice marks the point by
        // which anything still sent to him from the old room would have arrived.
        var next = Unique.Room();
        await bob.Host(next);
        await bobs.Join(next);
        var heard = new List<string>();
        for (var message = await bobs.NextMessage(); message.Str("room") != next; message = await bobs.NextMessage())
        {
            heard.Add(message.Str("message"));
        }

        Assert.Contains($"{bob.Username} has left the room.", heard);
        Assert.DoesNotContain("said after bob left", heard);
    }

    [Fact]
    public async Task Leave_NotInASession_Is409AndChangesNothing()
    {
        var bob = await app.SignUp();
        var before = await Sessions.Snapshot(app);

        var response = await bob.Post("/api/lobby", new { type = "leave" });

        await Wire.Problem(response, HttpStatusCode.Conflict);
        Assert.Equal(before, await Sessions.Snapshot(app));
    }

    [Fact]
    public async Task Leave_Twice_SecondIs409()
    {
        var alice = await app.SignUp();
        await alice.Host(Unique.Room());
        await alice.Leave();

        await Wire.Problem(await alice.Post("/api/lobby", new { type = "leave" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Leave_WithoutSignIn_Is401()
    {
        await Wire.Problem(await app.Anonymous().Post("/api/lobby", new { type = "leave" }), HttpStatusCode.Unauthorized);
    }
}
