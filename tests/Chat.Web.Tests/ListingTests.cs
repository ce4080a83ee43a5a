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

    [Fact]
    public async Task Sessions_ReadAgainWithNothingChanged_AreServedFromTheCache()
    {
        var reader = app.Anonymous();
        (await reader.Get(Sessions.Path)).Dispose();

        var cached = await AnyReadServedFromCache(reader, Sessions.Path);

        Assert.True(cached, "no read of an unchanged listing was served from the output cache");
    }

    [Fact]
    public async Task Sessions_ReadAfterAChange_ShowItAtOnceAndNotFromTheCache()
    {
        var reader = app.Anonymous();
        var room = Unique.Room();
        var alice = await app.SignUp();
        var bob = await app.SignUp();
        await AnyReadServedFromCache(reader, Sessions.Path);

        await alice.Host(room);
        var afterHost = await reader.Get(Sessions.Path);
        await bob.Join(room);
        var afterJoin = await reader.Get(Sessions.Path);

        Assert.False(afterHost.Headers.Age.HasValue);
        Assert.Contains(room, Rooms(await Wire.Ok(afterHost)));
        Assert.False(afterJoin.Headers.Age.HasValue);
        var listed = Assert.Single(Listed(await Wire.Ok(afterJoin)), s => s.Str("room") == room);
        Assert.Equal([alice.Username, bob.Username], listed.GetProperty("players").Items().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Users_ReadAfterASignUpOrLogout_ShowItAtOnce()
    {
        var reader = app.Anonymous();
        await AnyReadServedFromCache(reader, Sessions.UsersPath);

        var carol = await app.SignUp();
        var afterSignUp = await Sessions.Users(app);
        await carol.Logout();
        var afterLogout = await Sessions.Users(app);

        Assert.Contains(afterSignUp, u => u.Str("username") == carol.Username);
        Assert.DoesNotContain(afterLogout, u => u.Str("username") == carol.Username);
    }

    /// <summary>Reads a few times: a background change (a lapsed seat elsewhere) may retire an entry between two reads.</summary>
    private static async Task<bool> AnyReadServedFromCache(ChatClient reader, string path)
    {
        for (var i = 0; i < 5; i++)
        {
            using var response = await reader.Get(path);
            if (response.Headers.Age.HasValue)
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<System.Text.Json.JsonElement> Listed(System.Text.Json.JsonElement body) =>
        body.GetProperty("pending_sessions").Items().Concat(body.GetProperty("active_sessions").Items());

    private static List<string?> Rooms(System.Text.Json.JsonElement body) => [.. Listed(body).Select(s => s.Str("room"))];
}
