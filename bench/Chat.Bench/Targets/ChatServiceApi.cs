using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Chat.Bench.Targets;

/// <summary>The few REST calls that seat a bench client: sign in, then host or join its room (and, for a game, what a player reads of the lobby).</summary>
internal sealed class ChatServiceApi(Uri baseUri, CookieContainer cookies) : IDisposable
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = cookies, UseCookies = true }) { BaseAddress = baseUri };

    public Task RegisterAsync(string username, CancellationToken cancellationToken) =>
        PostAsync("/api/register", new { Username = username }, cancellationToken);

    public Task HostAsync(string room, int maxPlayers, CancellationToken cancellationToken) =>
        PostAsync("/api/lobby", new { Type = "host", Room = room, MaxPlayersAllowed = maxPlayers }, cancellationToken);

    /// <summary>Hosts a game: <paramref name="humanPlaces"/> people and a robot of <paramref name="robot"/>, which takes no place.</summary>
    public Task HostGameAsync(string room, int humanPlaces, string robot, CancellationToken cancellationToken) =>
        PostAsync("/api/lobby", new { Type = "host", Room = room, Robot = robot, MaxPlayersAllowed = humanPlaces }, cancellationToken);

    public Task JoinAsync(string room, CancellationToken cancellationToken) =>
        PostAsync("/api/lobby", new { Type = "join", Room = room }, cancellationToken);

    /// <summary>Signs the seat's user in and hosts or joins its room, so that its hub connection may join.</summary>
    public static async Task SeatAsync(Uri baseUri, CookieContainer cookies, ClientSeat seat, CancellationToken cancellationToken)
    {
        using var api = new ChatServiceApi(baseUri, cookies);
        await api.RegisterAsync(seat.Username, cancellationToken);
        if (seat.Hosts)
        {
            await api.HostAsync(seat.Room, BenchOptions.RoomSize, cancellationToken);
        }
        else
        {
            await api.JoinAsync(seat.Room, cancellationToken);
        }
    }

    /// <summary>The usernames of <c>GET /api/lobby/users</c>, in the order listed.</summary>
    public async Task<IReadOnlyList<string>> ListUsersAsync(CancellationToken cancellationToken)
    {
        using var listing = await GetJsonAsync("/api/lobby/users", cancellationToken);
        return [.. listing.RootElement.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("username").GetString() ?? "")];
    }

    public async Task LogoutAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync("/api/logout", content: null, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    public async Task<JsonDocument> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
    }

    private async Task PostAsync<T>(string path, T body, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(path, body, SnakeCase, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {problem}");
        }
    }
}
