using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Chat.Bench;

internal sealed record BenchOptions
{
    public const int RoomSize = 4;

    public int Clients { get; init; } = 100;
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);
    public int SteadyRate { get; init; } = 1000;

    /// <summary>Saturation rounds; each measures every target once, alternating which goes first.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Invocations each client keeps in flight in the saturation mode.</summary>
    public int Depth { get; init; } = 1;

    public bool RunSaturation { get; init; } = true;
    public bool RunSteady { get; init; } = true;
    public bool RunRelay { get; init; } = true;
    public bool RunChat { get; init; } = true;

    /// <summary>The chat service again, with the request limits on and a <c>client_msg_id</c> on every message.</summary>
    public bool RunChatChecked { get; init; }
    public string? RepositoryRoot { get; init; }
    public bool BuildService { get; init; } = true;
    public string ServiceConfiguration { get; init; } = "Release";

    public const string Usage = """
        usage: dotnet run -c Release --project bench/Chat.Bench -- [options]
          --clients N          SignalR clients, a multiple of 4 (default 100)
          --duration S         seconds measured in each mode (default 10)
          --warmup S           seconds of unmeasured load first (default 5)
          --rate R             messages per second in the steady mode (default 1000)
          --rounds N           saturation rounds, alternating the targets (default 3)
          --depth D            invocations in flight per client when saturating (default 1)
          --modes LIST         saturation,steady (default both)
          --targets LIST       relay,chat,chat-checked (default relay,chat); chat-checked is
                               the service with its limits on (too high to refuse) and a
                               client_msg_id on every message
          --repo PATH          repository root (default: found above the bench)
          --no-build           use the service's existing build output
          --configuration C    the service build to run (default Release)
        """;

    public static bool TryParse(string[] args, [NotNullWhen(true)] out BenchOptions? options, out string error)
    {
        options = new BenchOptions();
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--no-build")
            {
                options = options with { BuildService = false };
                continue;
            }
            if (i + 1 >= args.Length)
            {
                error = $"missing value after {name}";
                options = null;
                return false;
            }
            var value = args[++i];
            options = name switch
            {
                "--clients" => options with { Clients = ParsePositive(value) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(ParsePositive(value)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(ParsePositive(value)) },
                "--rate" => options with { SteadyRate = ParsePositive(value) },
                "--rounds" => options with { Rounds = ParsePositive(value) },
                "--depth" => options with { Depth = ParsePositive(value) },
                "--modes" => options with { RunSaturation = Lists(value, "saturation"), RunSteady = Lists(value, "steady") },
                "--targets" => options with { RunRelay = Lists(value, "relay"), RunChat = Lists(value, "chat"), RunChatChecked = Lists(value, "chat-checked") },
                "--repo" => options with { RepositoryRoot = value },
                "--configuration" => options with { ServiceConfiguration = value },
                _ => null,
            };
            if (options is null)
            {
                error = $"unknown option {name}";
                return false;
            }
        }

        error = options switch
        {
            { Clients: <= 0 } or { Depth: <= 0 } or { SteadyRate: <= 0 } or { Rounds: <= 0 } => "clients, depth, rate and rounds must be positive numbers",
            { Clients: var n } when n % RoomSize != 0 => $"clients must be a multiple of {RoomSize}",
            { RunSaturation: false, RunSteady: false } => "no mode selected",
            { RunRelay: false, RunChat: false, RunChatChecked: false } => "no target selected",
            _ => "",
        };
        if (error.Length > 0)
        {
            options = null;
            return false;
        }
        return true;
    }

    /// <summary>Unparseable numbers become 0 so that the range check reports them.</summary>
    private static int ParsePositive(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;

    private static bool Lists(string list, string item) =>
        list.Split(',', StringSplitOptions.TrimEntries).Contains(item, StringComparer.OrdinalIgnoreCase);
}
