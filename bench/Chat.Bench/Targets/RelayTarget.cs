using System.Diagnostics;
using Chat.Bench.Clients;
using Chat.Bench.Hosting;
using Chat.Bench.Load;
using Chat.Bench.Relay;
using Chat.Testing.Servers;

namespace Chat.Bench.Targets;

/// <summary>
/// The bare relay hub, run as a second instance of this program; or, as <c>relay-stored</c>,
/// the relay that commits each message to a SQLite file of its own before relaying it.
/// </summary>
internal sealed class RelayTarget(bool stores = false) : IBenchTarget
{
    private readonly Uri _baseUri = FreePort.LoopbackUri(FreePort.Next());
    private readonly string? _storeDirectory = stores ? Directory.CreateTempSubdirectory("chat-bench-relay-").FullName : null;
    private ChildServer? _server;

    public string Name => stores ? "relay-stored" : "relay";

    public TimeSpan ServerProcessorTime => _server?.ProcessorTime ?? TimeSpan.Zero;

    public long ServerPeakWorkingSetBytes => _server?.PeakWorkingSetBytes ?? 0;

    public ProcessMemory ServerMemory => _server?.Memory ?? new ProcessMemory(0, 0);

    public Task<long> ServerLiveHeapBytesAsync() => _server?.LiveHeapBytesAsync() ?? Task.FromResult(0L);

    public Task<TimeSpan> ServerCompilingTimeAsync(TimeSpan window) => _server?.CompilingTimeAsync(window) ?? Task.FromResult(TimeSpan.Zero);

    public async Task StartAsync()
    {
        var startInfo = SelfStartInfo();
        foreach (var argument in new[] { RelayServer.Verb, "--urls", _baseUri.ToString(), RelayServer.ParentArgument, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            startInfo.ArgumentList.Add(argument);
        }
        if (_storeDirectory is not null)
        {
            startInfo.ArgumentList.Add(RelayServer.StoreArgument);
            startInfo.ArgumentList.Add(Path.Combine(_storeDirectory, "relay.db"));
        }
        // The relay runs the collector the chat service runs (the workstation one, as a console
        // program does by default): the two are compared on their own work, not on GC settings.
        startInfo.Environment["DOTNET_gcServer"] = "0";
        _server = ChildServer.Start(startInfo);
        await _server.WaitUntilAnsweringAsync(new Uri(_baseUri, RelayServer.ProbePath), TimeSpan.FromSeconds(30));
    }

    public Task<BenchClient> CreateClientAsync(ClientSeat seat, MeasurementSlot slot, CancellationToken cancellationToken) =>
        Task.FromResult(new BenchClient(BenchHubConnection.Create(new Uri(_baseUri, RelayServer.HubPath), cookies: null), seat.Username, seat.Room, slot));

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        if (_storeDirectory is not null)
        {
            Directory.Delete(_storeDirectory, recursive: true);
        }
    }

    /// <summary>Runs this program again, through the dotnet host when that is how it was started.</summary>
    private static ProcessStartInfo SelfStartInfo()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which program is running");
        var startInfo = new ProcessStartInfo(host);
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            startInfo.ArgumentList.Add(typeof(RelayTarget).Assembly.Location);
        }
        return startInfo;
    }
}
