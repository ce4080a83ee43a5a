using System.Net;
using Chat.Bench.Clients;
using Chat.Bench.Hosting;
using Chat.Bench.Load;
using Chat.Testing.Servers;

namespace Chat.Bench.Targets;

/// <summary>
/// The real service, run from its build output as in production, as one node on a
/// fresh database: a SQLite file (<c>chat</c>) or a PostgreSQL server of its own
/// (<c>chat-pg</c>). Checked (<c>chat-checked</c>), it runs with its request limits
/// on, set too high to refuse anything, and its clients put a <c>client_msg_id</c> on
/// every message: beside <c>chat</c> in the same run, the difference is what the
/// limiter and the idempotency index cost per message. <paramref name="settings"/> are
/// more configuration keys, as <c>Key=value</c>, for a mode that needs the service set
/// up its own way.
/// </summary>
internal sealed class ChatServiceTarget(
    string name,
    string repositoryRoot,
    string configuration,
    IServiceDatabase database,
    bool isChecked = false,
    IReadOnlyList<string>? settings = null) : ILobbyTarget
{
    /// <summary>Per user and per address: far above what a bench client sends, so the limits count but never refuse.</summary>
    private const string UnreachedLimit = "1000000";

    private const string ProbePath = "/api/";

    private readonly Uri _baseUri = FreePort.LoopbackUri(FreePort.Next());
    private ChildServer? _server;

    public string Name => name;

    /// <summary>Where the service answers HTTP; the REST mode calls it directly.</summary>
    public Uri BaseUri => _baseUri;

    public IReadOnlyList<Uri> NodeUris => [_baseUri];

    /// <summary>`chat-checked` reads as `chat` does: its limits and client ids are on the send path.</summary>
    public bool ReadsLobby => !isChecked;

    public TimeSpan ServerProcessorTime => _server?.ProcessorTime ?? TimeSpan.Zero;

    public ServerTimes ProcessorTimes => new([ServerProcessorTime], database.ProcessorTime, TimeSpan.Zero);

    public long ServerPeakWorkingSetBytes => _server?.PeakWorkingSetBytes ?? 0;

    public ProcessMemory ServerMemory => _server?.Memory ?? new ProcessMemory(0, 0);

    public Task<long> ServerLiveHeapBytesAsync() => _server?.LiveHeapBytesAsync() ?? Task.FromResult(0L);

    public Task<TimeSpan> ServerCompilingTimeAsync(TimeSpan window) => _server?.CompilingTimeAsync(window) ?? Task.FromResult(TimeSpan.Zero);

    public async Task StartAsync()
    {
        var databaseSettings = await database.StartAsync();
        var limits = ChatServiceProcess.Limits(isChecked ? UnreachedLimit : "0");
        var more = (settings ?? []).Select(setting => $"--{setting}");
        _server = await ChatServiceProcess.StartAsync(repositoryRoot, configuration, _baseUri, [.. databaseSettings, .. limits, .. more], ProbePath);
    }

    public async Task<BenchClient> CreateClientAsync(ClientSeat seat, MeasurementSlot slot, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        await ChatServiceApi.SeatAsync(_baseUri, cookies, seat, cancellationToken);
        return new BenchClient(BenchHubConnection.Create(new Uri(_baseUri, "/chat"), cookies), seat.Username, seat.Room, slot, sendsClientMsgId: isChecked);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        await database.DisposeAsync();
    }
}
