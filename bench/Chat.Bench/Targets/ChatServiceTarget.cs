using System.Diagnostics;
using System.Net;
using Chat.Bench.Clients;
using Chat.Bench.Hosting;
using Chat.Bench.Load;

namespace Chat.Bench.Targets;

/// <summary>
/// The real service, run from its build output on a fresh SQLite file, as in production.
/// Checked (<c>chat-checked</c>), it runs with its request limits on, set too high to
/// refuse anything, and its clients put a <c>client_msg_id</c> on every message: beside
/// <c>chat</c> in the same run, the difference is what the limiter and the idempotency
/// index cost per message. <paramref name="settings"/> are more configuration keys, as
/// <c>Key=value</c>, for a mode that needs the service set up its own way.
/// </summary>
internal sealed class ChatServiceTarget(string repositoryRoot, string configuration, bool isChecked, IReadOnlyList<string>? settings = null) : IBenchTarget
{
    /// <summary>Per user and per address: far above what a bench client sends, so the limits count but never refuse.</summary>
    private const string UnreachedLimit = "1000000";

    private const string ServiceAssembly = "Chat.Web.dll";

    private readonly Uri _baseUri = FreePort.LoopbackUri(FreePort.Pick());
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"chat-bench-{Guid.NewGuid():N}.db");
    private ChildServer? _server;

    public string Name => isChecked ? "chat-checked" : "chat";

    /// <summary>Where the service answers HTTP; the REST mode calls it directly.</summary>
    public Uri BaseUri => _baseUri;

    public TimeSpan ServerProcessorTime => _server?.ProcessorTime ?? TimeSpan.Zero;

    public long ServerPeakWorkingSetBytes => _server?.PeakWorkingSetBytes ?? 0;

    public ProcessMemory ServerMemory => _server?.Memory ?? new ProcessMemory(0, 0);

    public async Task StartAsync()
    {
        var outputFolder = ServiceBuild.OutputFolder(repositoryRoot, configuration);
        var assembly = Path.Combine(outputFolder, ServiceAssembly);
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} not found: build the service or drop --no-build");
        }
        // The bench measures throughput: its clients sign up from one address and each
        // sends faster than a person, so the request limits are switched off, or, checked,
        // set too high to be reached.
        var limit = isChecked ? UnreachedLimit : "0";
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                assembly, "--urls", _baseUri.ToString(),
                $"--Limits:RegistrationsPerMinute={limit}", $"--Limits:LobbyActionsPerMinute={limit}",
                $"--Limits:MessagesPerSecond={limit}", $"--Limits:MessageBurst={limit}",
            },
            WorkingDirectory = outputFolder,
            Environment =
            {
                ["ConnectionStrings__Chat"] = $"Data Source={_databaseFile}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            },
        };
        foreach (var setting in settings ?? [])
        {
            startInfo.ArgumentList.Add($"--{setting}");
        }
        _server = ChildServer.Start(startInfo);
        await _server.WaitUntilAnsweringAsync(new Uri(_baseUri, "/api/"), TimeSpan.FromSeconds(60));
    }

    public async Task<BenchClient> CreateClientAsync(ClientSeat seat, MeasurementSlot slot, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        using (var api = new ChatServiceApi(_baseUri, cookies))
        {
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
        return new BenchClient(BenchHubConnection.Create(new Uri(_baseUri, "/chat"), cookies), seat.Username, seat.Room, slot, sendsClientMsgId: isChecked);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databaseFile + suffix);
        }
    }
}
