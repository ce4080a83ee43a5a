using System.Net;
using Chat.Bench.Clients;
using Chat.Bench.Hosting;
using Chat.Bench.Load;
using Chat.Testing.Servers;

namespace Chat.Bench.Targets;

/// <summary>
/// Two nodes of the service sharing a PostgreSQL server and a redis-server, as a
/// deployment of several nodes runs. No proxy: each client talks to its node
/// directly, and every room has half its clients on each node (the first two
/// seats on node A, the others on node B), so each message reaches two receivers
/// on its sender's node (the sender's own copy included) and two through the backplane.
/// </summary>
internal sealed class TwoNodesTarget(string repositoryRoot, string configuration) : ILobbyTarget
{
    private const string ReadyPath = "/health/ready";

    private static readonly string[] NodeNames = ["A", "B"];

    private readonly Uri[] _baseUris = [.. NodeNames.Select(_ => FreePort.LoopbackUri(FreePort.Next()))];
    private readonly PostgreSqlServiceDatabase _database = new();
    private readonly List<ChildServer> _nodes = [];
    private string? _redisFolder;
    private RedisServer? _redis;

    public string Name => "chat-2nodes";

    public IReadOnlyList<Uri> NodeUris => _baseUris;

    public TimeSpan ServerProcessorTime => _nodes.Aggregate(TimeSpan.Zero, (sum, node) => sum + node.ProcessorTime);

    public ServerTimes ProcessorTimes => new(
        [.. _nodes.Select(node => node.ProcessorTime)],
        _database.ProcessorTime,
        _redis?.Process is { HasExited: false } redis ? ProcessTreeClock.ProcessorTime(redis.Id) : TimeSpan.Zero);

    /// <summary>The nodes' peaks added up: what the deployment needs at most.</summary>
    public long ServerPeakWorkingSetBytes => _nodes.Sum(node => node.PeakWorkingSetBytes);

    public ProcessMemory ServerMemory => _nodes.Select(node => node.Memory)
        .Aggregate(new ProcessMemory(0, 0), (sum, memory) => new ProcessMemory(sum.ResidentBytes + memory.ResidentBytes, sum.AnonymousBytes + memory.AnonymousBytes));

    public async Task<long> ServerLiveHeapBytesAsync()
    {
        long live = 0;
        foreach (var node in _nodes)
        {
            live += await node.LiveHeapBytesAsync();
        }
        return live;
    }

    public async Task<TimeSpan> ServerCompilingTimeAsync(TimeSpan window)
    {
        var nodes = await Task.WhenAll(_nodes.Select(node => node.CompilingTimeAsync(window)));
        return nodes.Length == 0 ? TimeSpan.Zero : nodes.Max();
    }

    public async Task StartAsync()
    {
        var program = Binaries.Find("redis-server")
            ?? throw new InvalidOperationException("redis-server is not installed (Debian: apt-get install redis-server).");
        var databaseSettings = await _database.StartAsync();
        _redisFolder = Directory.CreateTempSubdirectory("chat-bench-redis-").FullName;
        _redis = new RedisServer(program, FreePort.Next(), _redisFolder);
        await _redis.Start();

        string[] settings = [.. databaseSettings, $"--ConnectionStrings:Redis={_redis.ConnectionString}", .. ChatServiceProcess.Limits("0")];
        // One after the other: the first migrates the new database.
        foreach (var baseUri in _baseUris)
        {
            _nodes.Add(await ChatServiceProcess.StartAsync(repositoryRoot, configuration, baseUri, settings, ReadyPath));
        }
    }

    public async Task<BenchClient> CreateClientAsync(ClientSeat seat, MeasurementSlot slot, CancellationToken cancellationToken)
    {
        var node = NodeOf(seat);
        var baseUri = _baseUris[node];
        var cookies = new CookieContainer();
        await ChatServiceApi.SeatAsync(baseUri, cookies, seat, cancellationToken);
        return new BenchClient(BenchHubConnection.Create(new Uri(baseUri, "/chat"), cookies), seat.Username, seat.Room, slot, node: node);
    }

    /// <summary>The node's letter, for the tables.</summary>
    public static string NodeName(int node) => NodeNames[node];

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
        if (_redis is not null)
        {
            await _redis.Stop();
        }
        if (_redisFolder is not null)
        {
            Directory.Delete(_redisFolder, recursive: true);
        }
        await _database.DisposeAsync();
    }

    /// <summary>Half of each room on each node; the host, first of its room, on node A.</summary>
    private static int NodeOf(ClientSeat seat) => seat.Index % BenchOptions.RoomSize < BenchOptions.RoomSize / 2 ? 0 : 1;
}
