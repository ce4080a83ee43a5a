using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Chat.Cluster.Tests.Infrastructure;

/// <summary>
/// One person: a cookie jar and the REST calls of the contract, sent to one entry
/// point (a node directly, or nginx). Cookies are per host, not per port, so the
/// same sign-in works at every node and at nginx, as it would behind one name.
/// </summary>
internal sealed class Player(Uri entry) : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly List<Listener> _listeners = [];

    public Uri Entry { get; } = entry;

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public string Username { get; private set; } = string.Empty;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<Player> SignUp(Uri entry)
    {
        var player = new Player(entry);
        player.Http = new HttpClient(new SocketsHttpHandler { CookieContainer = player.Cookies }) { BaseAddress = entry };
        var body = await Ok(await player.Http.PostAsJsonAsync("/api/register", new { username = Names.User() }, Json, Ct));
        player.Username = body.GetProperty("data").GetProperty("user").GetString()!;
        return player;
    }

    public async Task<JsonElement> Host(string room, int maxPlayers = 10) =>
        await Ok(await Http.PostAsJsonAsync("/api/lobby", new { type = "host", room, max_players_allowed = maxPlayers }, Json, Ct));

    public async Task Join(string room) =>
        await Ok(await Http.PostAsJsonAsync("/api/lobby", new { type = "join", room }, Json, Ct));

    public async Task Leave(Uri? via = null) =>
        await Ok(await Http.PostAsJsonAsync(new Uri(via ?? Entry, "/api/lobby"), new { type = "leave" }, Json, Ct));

    public async Task Logout(Uri? via = null) =>
        await Ok(await Http.GetAsync(new Uri(via ?? Entry, "/api/logout"), Ct));

    /// <summary>The room's stored messages after an id, oldest first, every page of them.</summary>
    public async Task<List<JsonElement>> History(string room, long afterId = 0, Uri? via = null)
    {
        var all = new List<JsonElement>();
        while (true)
        {
            var path = $"/api/sessions/{Uri.EscapeDataString(room)}/messages?after_id={afterId}&limit=500";
            var page = (await Ok(await Http.GetAsync(new Uri(via ?? Entry, path), Ct))).GetProperty("messages").EnumerateArray().ToList();
            all.AddRange(page);
            if (page.Count < 500)
            {
                return all;
            }

            afterId = page[^1].GetProperty("id").GetInt64();
        }
    }

    /// <summary>The room's stored messages after a seq, oldest first, paged by seq as a resuming client does.</summary>
    public async Task<List<JsonElement>> HistoryBySeq(string room, long afterSeq = 0, Uri? via = null)
    {
        var all = new List<JsonElement>();
        while (true)
        {
            var path = $"/api/sessions/{Uri.EscapeDataString(room)}/messages?after_seq={afterSeq}&limit=500";
            var page = (await Ok(await Http.GetAsync(new Uri(via ?? Entry, path), Ct))).GetProperty("messages").EnumerateArray().ToList();
            all.AddRange(page);
            if (page.Count < 500)
            {
                return all;
            }

            afterSeq = page[^1].GetProperty("seq").GetInt64();
        }
    }

    /// <summary>Hosts a robot session (the offline model), with room for <paramref name="humans"/> people.</summary>
    public async Task<JsonElement> HostWithRobot(string room, int humans) =>
        await Ok(await Http.PostAsJsonAsync("/api/lobby", new { type = "host", room, max_players_allowed = humans, robot = "eliza" }, Json, Ct));

    /// <summary>A hub connection through the given address (the player's entry by default), negotiating as browsers do.</summary>
    public async Task<Listener> Connect(Uri? via = null, bool reconnect = false)
    {
        var listener = await Listener.Open(via ?? Entry, Username, Cookies, reconnect);
        _listeners.Add(listener);
        return listener;
    }

    /// <summary>Connects and joins the room.</summary>
    public async Task<Listener> Enter(string room, Uri? via = null, bool reconnect = false)
    {
        var listener = await Connect(via, reconnect);
        await listener.Join(room);
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var listener in _listeners)
        {
            await listener.DisposeAsync();
        }

        Http.Dispose();
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
    }
}
