using System.Net;
using Chat.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Web.Tests;

/// <summary>
/// <c>GET/POST /api/logout</c>: leaves the session, ends the sign-in for REST and
/// hub, closes the user's connections and frees the name; no message is lost.
/// </summary>
public sealed class LogoutTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task Logout_ByGet_ReturnsTheSeedBody()
    {
        var alice = await app.SignUp();

        var body = await Wire.Ok(await alice.Get("/api/logout"));

        Wire.AssertMembers(body, "message");
        Assert.Equal("Logout successful. Adios, pal.", body.Str("message"));
    }

    [Fact]
    public async Task Logout_ByPost_ReturnsTheSeedBody()
    {
        var alice = await app.SignUp();

        var body = await Wire.Ok(await alice.PostRaw("/api/logout", string.Empty));

        Assert.Equal("Logout successful. Adios, pal.", body.Str("message"));
    }

    [Fact]
    public async Task Logout_WithoutSignIn_Is401()
    {
        await Wire.Problem(await app.Anonymous().Get("/api/logout"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_OldCookie_IsRefusedOnEveryRestCall()
    {
        var room = Unique.Room();
        var alice = await app.SignUp();
        await alice.Host(room);
        var replay = Replaying(alice.AuthCookie!);

        await alice.Logout();

        Assert.Null(alice.AuthCookie);
        await Wire.Problem(await replay.Get("/api/lobby"), HttpStatusCode.Unauthorized);
        await Wire.Problem(await replay.Post("/api/lobby", new { type = "host", room = Unique.Room() }), HttpStatusCode.Unauthorized);
        await Wire.Problem(await replay.Get(ChatClient.HistoryPath(room)), HttpStatusCode.Unauthorized);
        await Wire.Problem(await replay.Get("/api/logout"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_OldCookie_StillReadsWhatNeedsNoSignIn_WithoutBeingTakenForASignIn()
    {
        var alice = await app.SignUp();
        var replay = Replaying(alice.AuthCookie!);
        await alice.Logout();

        var sessions = await replay.Get("/api/lobby/sessions");
        var users = await replay.Get("/api/lobby/users");
        var status = await replay.Get("/api/");

        await Wire.Ok(sessions);
        Assert.DoesNotContain(alice.Username, (await Wire.Ok(users)).GetProperty("users").EnumerateArray().Select(u => u.Str("username")));
        await Wire.Ok(status);
        // Nothing checked the ended sign-in here (that is for the calls that need one), so nothing clears its cookie.
        Assert.All([sessions, users, status], response => Assert.False(response.Headers.Contains("Set-Cookie")));
    }

    [Fact]
    public async Task Logout_OldCookie_IsRefusedAtHubNegotiateAndUpgrade()
    {
        var alice = await app.SignUp();
        var replay = Replaying(alice.AuthCookie!);

        await alice.Logout();

        await Wire.Problem(await HubRequests.Negotiate(replay), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, await HubRequests.Upgrade(app.BaseAddress, replay.Cookies));
        var refused = await Assert.ThrowsAsync<HttpRequestException>(
            () => RoomConnection.Open(app.BaseAddress, alice.Username, o => o.Cookies = replay.Cookies));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Logout_ClosesEveryHubConnectionOfThatUserOnly()
    {
        var room = Unique.Room();
        var alice = await app.SignUp();
        await alice.Host(room);
        var firstTab = await alice.Enter(room);
        var secondTab = await alice.Connect();
        var bob = await app.SignUp();
        await bob.Join(room);
        var bobs = await bob.Enter(room);

        await alice.Logout();

        await firstTab.WaitUntilClosed();
        await secondTab.WaitUntilClosed();
        Assert.Equal(HubConnectionState.Connected, bobs.Hub.State);
        await bobs.Say(room, "still here");
    }

    [Fact]
    public async Task Logout_FreesTheName()
    {
        var alice = await app.SignUp(Unique.Name("alice"));
        await alice.Logout();

        var again = await app.SignUp(alice.Username);

        Assert.Equal(alice.Username, (await again.Me()).Str("username"));
    }

    [Fact]
    public async Task Register_WithACookieThatWasLoggedOut_IsNotAlreadySignedIn()
    {
        var alice = await app.SignUp();
        var replay = Replaying(alice.AuthCookie!);
        await alice.Logout();

        await replay.Register(Unique.Name());

        Assert.Equal(replay.Username, (await replay.Me()).Str("username"));
    }

    [Fact]
    public async Task Logout_TakesTheUserOutOfTheirSession_AndTheRoomIsTold()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var bobs = await bob.Enter(room);

        await alice.Logout();

        var notice = await bobs.NextMessageSaying($"{alice.Username} has left the room.");
        Assert.Equal("system", notice.Str("kind"));
        var session = await bobs.NextSessionUpdate(s => !s.GetProperty("players").Strings().Contains(alice.Username));
        Assert.Equal(bob.Username, session.Str("host"));
        Assert.Equal([bob.Username], (await Sessions.Find(app, room)).GetProperty("players").Strings());
    }

    [Fact]
    public async Task Messages_SurviveEveryLeaveAndLogout_AndComeBackFromHistory()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var carol = await app.SignUp();
        await carol.Join(room);
        await (await alice.Enter(room)).Say(room, "from alice");
        await (await bob.Enter(room)).Say(room, "from bob");

        await alice.Logout();
        await bob.Leave();
        await carol.Logout();

        var history = await bob.History(room);
        var texts = history.Select(m => m.Str("message")).ToList();
        Assert.Contains(history, m => m.Str("from") == alice.Username && m.Str("message") == "from alice");
        Assert.Contains(history, m => m.Str("from") == bob.Username && m.Str("message") == "from bob");
        Assert.Contains($"{alice.Username} has left the room.", texts);
        Assert.Contains($"{bob.Username} has left the room.", texts);
        Assert.Contains($"{carol.Username} has left the room.", texts);
        Assert.Equal("The session has ended.", texts[^1]);
    }

    [Fact]
    public async Task History_OfAFreedName_IsNotOpenToTheNextPersonWhoTakesIt()
    {
        var room = Unique.Room();
        var alice = await app.SignUp();
        await alice.Host(room);
        await (await alice.Enter(room)).Say(room, "private");
        await alice.Logout();

        var newcomer = await app.SignUp(alice.Username);

        await Wire.Problem(await newcomer.Get(ChatClient.HistoryPath(room)), HttpStatusCode.Forbidden);
    }

    private ChatClient Replaying(string cookie)
    {
        var replay = app.Anonymous();
        replay.Cookies.Add(app.BaseAddress, new Cookie(ChatClient.AuthCookieName, cookie));
        return replay;
    }
}
