using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Robots;

/// <summary>
/// One person: a cookie jar, the REST calls the robot tests need, and a hub
/// connection that records the room's <c>message</c> events.
/// </summary>
public sealed class Player : IAsyncDisposable
{
    /// <summary>How long an expected event or state may take on a busy machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _http;
    private readonly Channel<JsonElement> _messages = Channel.CreateUnbounded<JsonElement>();
    private HubConnection? _hub;

    public Player(Uri baseAddress)
    {
        BaseAddress = baseAddress;
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = _cookies }) { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public string Username { get; private set; } = string.Empty;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task Register(string username)
    {
        await Post("/api/register", new { username });
        Username = username;
    }

    public Task Host(string room, string robot, int maxPlayersAllowed) =>
        Post("/api/lobby", new { type = "host", room, robot, max_players_allowed = maxPlayersAllowed });

    public Task Join(string room) => Post("/api/lobby", new { type = "join", room });

    public Task Leave() => Post("/api/lobby", new { type = "leave" });

    /// <summary>The session with this room from <c>GET /api/lobby/sessions</c>, pending or active, or null.</summary>
    public async Task<JsonElement?> ListedSession(string room)
    {
        var body = await Get("/api/lobby/sessions");
        return body.GetProperty("pending_sessions").EnumerateArray()
            .Concat(body.GetProperty("active_sessions").EnumerateArray())
            .Select(s => (JsonElement?)s)
            .FirstOrDefault(s => s!.Value.GetProperty("room").GetString() == room);
    }

    /// <summary><c>users</c> of <c>GET /api/lobby/users</c>.</summary>
    public async Task<JsonElement[]> ListedUsers() => [.. (await Get("/api/lobby/users")).GetProperty("users").EnumerateArray()];

    public async Task<JsonElement[]> History(string room) =>
        [.. (await Get($"/api/sessions/{Uri.EscapeDataString(room)}/messages")).GetProperty("messages").EnumerateArray()];

    /// <summary>Connects to the hub with this player's cookie and joins the room's broadcasts.</summary>
    public async Task Enter(string room)
    {
        _hub = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "/chat"), HttpTransportType.WebSockets, o => o.Cookies = _cookies)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower)
            .Build();
        _hub.On<JsonElement>("message", m => _messages.Writer.TryWrite(m));
        await _hub.StartAsync(Ct);
        await _hub.InvokeAsync<JsonElement>("join", new { room, username = Username }, Ct);
    }

    public Task<JsonElement> Say(string room, string text) =>
        _hub!.InvokeAsync<JsonElement>("message", new { from = Username, room, message = text }, Ct);

    /// <summary>Skips <c>message</c> events until one matches; fails after <see cref="Patience"/>.</summary>
    public async Task<JsonElement> NextMessage(Func<JsonElement, bool> match)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(Patience);
        try
        {
            while (true)
            {
                var message = await _messages.Reader.ReadAsync(limit.Token);
                if (match(message))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            throw new TimeoutException($"{Username} saw no such message within {Patience.TotalSeconds} s.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        _http.Dispose();
    }

    private async Task<JsonElement> Get(string path) => await Read(await _http.GetAsync(new Uri(path, UriKind.Relative), Ct));

    private async Task<JsonElement> Post(string path, object body) =>
        await Read(await _http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Json, Ct));

    private static async Task<JsonElement> Read(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
