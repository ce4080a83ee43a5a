using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Chat.Bench.Targets;

/// <summary>The few REST calls that seat a bench client: sign in, then host or join its room.</summary>
internal sealed class ChatServiceApi(Uri baseUri, CookieContainer cookies) : IDisposable
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = cookies, UseCookies = true }) { BaseAddress = baseUri };

    public Task RegisterAsync(string username, CancellationToken cancellationToken) =>
        PostAsync("/api/register", new { Username = username }, cancellationToken);

    public Task HostAsync(string room, int maxPlayers, CancellationToken cancellationToken) =>
        PostAsync("/api/lobby", new { Type = "host", Room = room, MaxPlayersAllowed = maxPlayers }, cancellationToken);

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

    public void Dispose() => _http.Dispose();

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
