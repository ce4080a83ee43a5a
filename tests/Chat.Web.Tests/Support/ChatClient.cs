using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Chat.Web.Tests.Support;

/// <summary>
/// One person's browser: an HttpClient with a cookie jar of its own, and the calls
/// of the REST contract as one-line helpers that assert success. The raw
/// <see cref="Get"/>/<see cref="Post"/> calls are for tests of failures.
/// </summary>
public sealed class ChatClient : IAsyncDisposable
{
    public const string AuthCookieName = "chat_auth";

    private readonly List<RoomConnection> _connections = [];

    public ChatClient(Uri baseAddress)
    {
        BaseAddress = baseAddress;
        Http = new HttpClient(new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
        };
    }

    public Uri BaseAddress { get; }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http { get; }

    /// <summary>The name this client registered, as the server returned it.</summary>
    public string Username { get; private set; } = string.Empty;

    /// <summary>The auth cookie as it stands in the jar, or null when there is none.</summary>
    public string? AuthCookie => Cookies.GetCookies(BaseAddress)[AuthCookieName]?.Value;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Task<HttpResponseMessage> Get(string path) => Http.GetAsync(new Uri(path, UriKind.Relative), Ct);

    public Task<HttpResponseMessage> Post(string path, object body) =>
        Http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Wire.Json, Ct);

    /// <summary>Sends the body exactly as given, for malformed and oversized requests.</summary>
    public Task<HttpResponseMessage> PostRaw(string path, string body, string mediaType = "application/json") =>
        Http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, mediaType), Ct);

    public Task<HttpResponseMessage> Send(HttpRequestMessage request) => Http.SendAsync(request, Ct);

    public async Task<JsonElement> Register(string username)
    {
        var body = await Wire.Ok(await Post("/api/register", new { username }));
        Username = body.GetProperty("data").Str("user");
        return body;
    }

    /// <summary><c>data.user</c> of <c>GET /api/lobby</c>.</summary>
    public async Task<JsonElement> Me() => (await Wire.Ok(await Get("/api/lobby"))).GetProperty("data").GetProperty("user");

    public async Task<JsonElement> Host(string room, int? maxPlayersAllowed = null, string? robot = null) =>
        await Wire.Ok(await Post("/api/lobby", new { type = "host", room, robot, max_players_allowed = maxPlayersAllowed }));

    public async Task<JsonElement> Join(string room) => await Wire.Ok(await Post("/api/lobby", new { type = "join", room }));

    public async Task<JsonElement> Leave() => await Wire.Ok(await Post("/api/lobby", new { type = "leave" }));

    public async Task<JsonElement> Logout() => await Wire.Ok(await Get("/api/logout"));

    /// <summary>The <c>messages</c> of <c>GET /api/sessions/{room}/messages</c>.</summary>
    public async Task<JsonElement[]> History(string room, string query = "") =>
        (await Wire.Ok(await Get(HistoryPath(room, query)))).GetProperty("messages").Items();

    public static string HistoryPath(string room, string query = "") =>
        $"/api/sessions/{Uri.EscapeDataString(room)}/messages{(query.Length > 0 ? "?" + query : string.Empty)}";

    /// <summary>A hub connection over WebSockets carrying this client's cookie.</summary>
    public async Task<RoomConnection> Connect()
    {
        var connection = await RoomConnection.Open(BaseAddress, Username, o => o.Cookies = Cookies);
        lock (_connections)
        {
            _connections.Add(connection);
        }

        return connection;
    }

    /// <summary>Connects and joins the room's broadcasts, then takes the caller's own join notice.</summary>
    public async Task<RoomConnection> Enter(string room)
    {
        var connection = await Connect();
        await connection.Join(room);
        await connection.NextMessage(m => m.Str("message") == $"{Username} has joined the room.");
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        Http.Dispose();
    }
}
