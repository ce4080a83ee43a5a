using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Chat.Bench.Clients;
using Chat.Bench.Reporting;
using Chat.Bench.Targets;

namespace Chat.Bench.Load;

/// <summary>
/// The lobby's read endpoints under load: concurrent HTTP clients, each in a
/// closed loop (request, read the whole body, request again), against a lobby
/// listing <see cref="ListedSessions"/> sessions of four players; on a target of
/// several nodes, the clients are spread evenly over them. The service's
/// trivial status endpoint, measured the same way, is the ceiling: what the
/// HTTP stack and this machine can do for a request that does no work.
/// </summary>
internal static class RestLoad
{
    public const int ListedSessions = 50;
    public const string SessionsPath = "/api/lobby/sessions";
    public const string UsersPath = "/api/lobby/users";
    public const string StatusPath = "/api/";

    public static readonly string[] Paths = [SessionsPath, UsersPath, StatusPath];

    // As in ClientPool: quick setup without making it a load test of its own.
    private const int RoomsSetUpAtOnce = 8;

    /// <summary>Hosts and fills sessions until the lobby lists <see cref="ListedSessions"/> (the other modes' rooms count).</summary>
    public static async Task<int> FillLobbyAsync(Uri baseUri)
    {
        using var http = new HttpClient { BaseAddress = baseUri };
        var listed = await CountListedSessionsAsync(http);
        var missing = Math.Max(0, ListedSessions - listed);
        Progress.Say($"{baseUri}: rest, the lobby lists {listed} sessions; hosting {missing} more");
        await Parallel.ForEachAsync(
            ClientSeat.Rooms(missing * BenchOptions.RoomSize, BenchOptions.RoomSize, prefix: "rest"),
            new ParallelOptions { MaxDegreeOfParallelism = RoomsSetUpAtOnce },
            async (room, cancellationToken) =>
            {
                foreach (var seat in room)
                {
                    using var api = new ChatServiceApi(baseUri, new CookieContainer());
                    await api.RegisterAsync(seat.Username, cancellationToken);
                    await (seat.Hosts ? api.HostAsync(seat.Room, BenchOptions.RoomSize, cancellationToken) : api.JoinAsync(seat.Room, cancellationToken));
                }
            });
        return await CountListedSessionsAsync(http);
    }

    public static async Task<RestMeasurement> RunAsync(LobbyReaders readers, string path, int clients, TimeSpan duration, Func<TimeSpan> serverCpu)
    {
        var latencies = new LatencySamples();
        long completed = 0;
        long failures = 0;
        var cpu = new CpuMeter(serverCpu);
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            await Task.Yield();
            var node = readers.For(client);
            for (var sentAt = Stopwatch.GetTimestamp(); sentAt < end; sentAt = Stopwatch.GetTimestamp())
            {
                try
                {
                    using var response = await node.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                    if (response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref completed);
                        latencies.Add(MessageStamp.Milliseconds(sentAt, Stopwatch.GetTimestamp()));
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        cpu.Stop();
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new RestMeasurement(path, clients, completed / seconds, latencies.Summarise(), failures, cpu.Usage);
    }

    private static async Task<int> CountListedSessionsAsync(HttpClient http)
    {
        await using var body = await http.GetStreamAsync(SessionsPath);
        using var lobby = await JsonDocument.ParseAsync(body);
        return lobby.RootElement.GetProperty("pending_sessions").GetArrayLength()
            + lobby.RootElement.GetProperty("active_sessions").GetArrayLength();
    }
}

internal sealed record RestMeasurement(string Path, int Clients, double RequestsPerSecond, LatencySummary Latency, long Failures, CpuUsage Cpu)
{
    public string Target { get; init; } = "chat";

    public int Round { get; init; }
}

/// <summary>
/// The REST mode's HTTP clients: one for each node, with a connection for every looping
/// client it serves, so none waits for a connection. Looping client <c>i</c> calls node
/// <c>i</c> modulo the number of nodes.
/// </summary>
internal sealed class LobbyReaders : IDisposable
{
    private readonly HttpClient[] _nodes;

    public LobbyReaders(IReadOnlyList<Uri> nodeUris, int clients)
    {
        ArgumentOutOfRangeException.ThrowIfZero(nodeUris.Count);
        var perNode = (clients + nodeUris.Count - 1) / nodeUris.Count;
        _nodes = [.. nodeUris.Select(uri => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = perNode, UseCookies = false }) { BaseAddress = uri })];
    }

    public HttpClient For(int client) => _nodes[client % _nodes.Length];

    /// <summary>
    /// Signs a user of its own in on the first node and sends that user's cookie with every
    /// request, to every node: the nodes share the keys that read it.
    /// </summary>
    public async Task SignInAsync()
    {
        var first = _nodes[0].BaseAddress!;
        var cookies = new CookieContainer();
        using (var api = new ChatServiceApi(first, cookies))
        {
            await api.RegisterAsync($"restreader{Environment.ProcessId}", CancellationToken.None);
        }
        var header = cookies.GetCookieHeader(first);
        foreach (var node in _nodes)
        {
            node.DefaultRequestHeaders.Add("Cookie", header);
        }
    }

    public void Dispose()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }
    }
}
