using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Presence.Support;

/// <summary>
/// One person's browser: a cookie jar and the REST calls the presence tests need,
/// each sent to the server process the test names. Cookies do not care about the
/// port, so the jar carries the sign-in to every process on the loopback address,
/// as a load balancer in front of them would.
/// </summary>
public sealed class Person : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly List<RoomConnection> _lines = [];

    private Person(string name)
    {
        Name = name;
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false });
    }

    public string Name { get; }

    public CookieContainer Cookies { get; } = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Registers a fresh name starting with <paramref name="stem"/> through <paramref name="app"/>.</summary>
    public static async Task<Person> SignUp(PresenceApp app, string stem)
    {
        ArgumentNullException.ThrowIfNull(app);
        var person = new Person(Unique.Name(stem));
        await person.Ok(await person.Post(app, "/api/register", new { username = person.Name }));
        return person;
    }

    public async Task Host(PresenceApp app, string room, int? maxPlayers = null) =>
        await Ok(await Post(app, "/api/lobby", new { type = "host", room, max_players_allowed = maxPlayers }));

    public async Task Join(PresenceApp app, string room) => await Ok(await Post(app, "/api/lobby", new { type = "join", room }));

    public async Task Logout(PresenceApp app) => await Ok(await Get(app, "/api/logout"));

    /// <summary>This person's user id, from <c>GET /api/lobby</c>.</summary>
    public async Task<int> Id(PresenceApp app) =>
        (await Ok(await Get(app, "/api/lobby"))).GetProperty("data").GetProperty("user").GetProperty("id").GetInt32();

    public Task<HttpResponseMessage> Get(PresenceApp app, string path) => _http.GetAsync(On(app, path), Ct);

    /// <summary>The texts of the room's history, oldest first, as <c>GET /api/sessions/{room}/messages</c> gives them.</summary>
    public async Task<string[]> History(PresenceApp app, string room)
    {
        var body = await Ok(await Get(app, $"/api/sessions/{Uri.EscapeDataString(room)}/messages?limit=500"));
        return [.. body.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("message").GetString()!)];
    }

    /// <summary>A hub connection to <paramref name="app"/> that has joined the room and seen its own join notice.</summary>
    private readonly HashSet<string> _entered = new(StringComparer.Ordinal);

    /// <summary>
    /// Connects and joins the room. The seat's first join is announced (and awaited
    /// here); a rejoin, on any server, is silent.
    /// </summary>
    public async Task<RoomConnection> Enter(PresenceApp app, string room)
    {
        var line = await Connect(app);
        await line.Join(room);
        if (_entered.Add(room))
        {
            await line.NextMessageSaying($"{Name} has joined the room.");
        }

        return line;
    }

    /// <summary>A hub connection to <paramref name="app"/> carrying this person's cookie.</summary>
    public async Task<RoomConnection> Connect(PresenceApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var line = await RoomConnection.Open(app.BaseAddress, Name, o => o.Cookies = Cookies);
        _lines.Add(line);
        return line;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var line in _lines)
        {
            await line.DisposeAsync();
        }

        _http.Dispose();
    }

    private static Uri On(PresenceApp app, string path)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new Uri(app.BaseAddress, path);
    }

    private Task<HttpResponseMessage> Post(PresenceApp app, string path, object body) => _http.PostAsJsonAsync(On(app, path), body, Ct);

    private async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{Name}: {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
    }
}
