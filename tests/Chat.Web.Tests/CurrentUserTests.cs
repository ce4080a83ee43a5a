using System.Net;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests;

/// <summary><c>GET /api/lobby</c>: who the caller is.</summary>
public sealed class CurrentUserTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task Welcome_SignedIn_GreetsByNameWithTheUserObject()
    {
        var alice = await app.SignUp(Unique.Name("alice"));

        var body = await Wire.Ok(await alice.Get("/api/lobby"));

        Wire.AssertMembers(body, "message", "data");
        Assert.Equal($"Welcome {alice.Username}!", body.Str("message"));
        var user = body.GetProperty("data").GetProperty("user");
        Wire.AssertMembers(user, Wire.UserMembers);
        Assert.True(user.Number("id") > 0);
        Assert.Equal(alice.Username, user.Str("username"));
        Assert.True(user.IsNull("session_id"));
        Assert.Equal("waiting", user.Str("state"));
    }

    [Fact]
    public async Task Welcome_AsAPlayer_ShowsTheSessionAndActiveState()
    {
        var alice = await app.SignUp();
        var room = Unique.Room();
        await alice.Host(room);
        var session = await Sessions.Find(app, room);

        var user = await alice.Me();

        Assert.Equal(session.Number("id"), user.Number("session_id"));
        Assert.Equal("active", user.Str("state"));
    }

    [Fact]
    public async Task Welcome_WithoutSignIn_Is401()
    {
        await Wire.Problem(await app.Anonymous().Get("/api/lobby"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Welcome_WithAForgedCookie_Is401()
    {
        var client = app.Anonymous();
        client.Cookies.Add(app.BaseAddress, new Cookie(ChatClient.AuthCookieName, "forged"));

        await Wire.Problem(await client.Get("/api/lobby"), HttpStatusCode.Unauthorized);
    }
}
