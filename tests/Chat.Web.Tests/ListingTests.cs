using Chat.Web.Tests.Support;

namespace Chat.Web.Tests;

/// <summary><c>GET /api/lobby/sessions</c> and <c>GET /api/lobby/users</c>, open to anyone.</summary>
public sealed class ListingTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task Sessions_WithoutSignIn_ListsPendingAndActiveSessionsApart()
    {
        var pending = Unique.Room("pending");
        var active = Unique.Room("active");
        await (await app.SignUp()).Host(pending);
        await (await app.SignUp()).Host(active, maxPlayersAllowed: 1);

        var body = await Sessions.List(app);

        Wire.AssertMembers(body, "message", "pending_sessions", "active_sessions");
        Assert.Equal("Game sessions", body.Str("message"));
        var pendingRooms = body.GetProperty("pending_sessions").Items().Select(s => s.Str("room")).ToList();
        var activeRooms = body.GetProperty("active_sessions").Items().Select(s => s.Str("room")).ToList();
        Assert.Contains(pending, pendingRooms);
        Assert.DoesNotContain(pending, activeRooms);
        Assert.Contains(active, activeRooms);
        Assert.DoesNotContain(active, pendingRooms);
        Assert.All(body.GetProperty("pending_sessions").Items(), s => Assert.Equal("pending", s.Str("state")));
        Assert.All(body.GetProperty("active_sessions").Items(), s => Assert.Equal("active", s.Str("state")));
    }

    [Fact]
    public async Task Sessions_ThatEnded_AreNotListed()
    {
        var room = Unique.Room();
        var alice = await app.SignUp();
        await alice.Host(room);

        await alice.Leave();

        Assert.Null(await Sessions.TryFind(app, room));
    }

    [Fact]
    public async Task Users_WithoutSignIn_ListsSignedInUsersWithTheirState()
    {
        var room = Unique.Room();
        var alice = await app.SignUp();
        var bob = await app.SignUp();
        await alice.Host(room);

        var body = await Wire.Ok(await app.Anonymous().Get("/api/lobby/users"));

        Wire.AssertMembers(body, "message", "users");
        Assert.Equal("Registered users", body.Str("message"));
        var users = body.GetProperty("users").Items();
        Assert.All(users, u => Wire.AssertMembers(u, Wire.UserMembers));
        var listedAlice = Assert.Single(users, u => u.Str("username") == alice.Username);
        Assert.Equal("active", listedAlice.Str("state"));
        Assert.Equal((await Sessions.Find(app, room)).Number("id"), listedAlice.Number("session_id"));
        var listedBob = Assert.Single(users, u => u.Str("username") == bob.Username);
        Assert.Equal("waiting", listedBob.Str("state"));
        Assert.True(listedBob.IsNull("session_id"));
    }

    [Fact]
    public async Task Users_LoggedOut_AreNoLongerListed()
    {
        var bob = await app.SignUp();

        await bob.Logout();

        Assert.DoesNotContain(await Sessions.Users(app), u => u.Str("username") == bob.Username);
    }
}
