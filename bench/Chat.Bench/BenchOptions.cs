using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Chat.Bench;

internal sealed record BenchOptions
{
    public const int RoomSize = 4;

    public int Clients { get; init; } = 100;
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);
    public int SteadyRate { get; init; } = 5000;

    /// <summary>Rounds of the saturation mode (per depth) and of the steady mode; each measures every target once, alternating which goes first.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Invocations each client keeps in flight in the saturation mode; each depth is measured in rounds of its own.</summary>
    public IReadOnlyList<int> Depths { get; init; } = [1, 8];

    /// <summary>Hub connections the idle mode opens to each target on top of the clients.</summary>
    public int IdleConnections { get; init; } = 2000;

    /// <summary>Concurrent HTTP clients in the REST mode.</summary>
    public int HttpClients { get; init; } = 16;

    /// <summary>Whether the REST mode's clients carry a signed-in user's cookie, as the web page's polls do.</summary>
    public bool RestSignedIn { get; init; }

    public bool RunSaturation { get; init; } = true;
    public bool RunSteady { get; init; } = true;
    public bool RunIdle { get; init; }
    public bool RunRest { get; init; }

    /// <summary>The detectability check: simulated games of "who is the robot?", the service only.</summary>
    public bool RunDetect { get; init; }

    /// <summary>Games the detectability check plays in all...</summary>
    public int Games { get; init; } = 50;

    /// <summary>...and at once.</summary>
    public int GamesAtOnce { get; init; } = 10;

    /// <summary>The service's <c>Robot:ReplyDelay</c> in the detectability check; the players' own timing is scaled with it.</summary>
    public TimeSpan RobotReplyDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The model the games' hosts ask for.</summary>
    public string RobotModel { get; init; } = "eliza";

    /// <summary>Seeds the players' choices, so that a run can be repeated against another build.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>More configuration for the service, as <c>Key=value</c> (a remote model's endpoint, say).</summary>
    public IReadOnlyList<string> ServiceSettings { get; init; } = [];
    public bool RunRelay { get; init; } = true;

    /// <summary>The relay that commits each message to SQLite before relaying it: the floor of a durable send.</summary>
    public bool RunRelayStored { get; init; }
    public bool RunChat { get; init; } = true;

    /// <summary>The chat service again, with the request limits on and a <c>client_msg_id</c> on every message.</summary>
    public bool RunChatChecked { get; init; }

    /// <summary>The service as one node on a PostgreSQL server of the bench's own, committing durably.</summary>
    public bool RunChatPostgreSql { get; init; }

    /// <summary>Two nodes of the service sharing a PostgreSQL server and a redis-server, each room split between them.</summary>
    public bool RunChatTwoNodes { get; init; }

    public bool RunsService => RunChat || RunChatChecked || RunChatPostgreSql || RunChatTwoNodes;
    public string? RepositoryRoot { get; init; }
    public bool BuildService { get; init; } = true;
    public string ServiceConfiguration { get; init; } = "Release";

    public const string Usage = """
        usage: dotnet run -c Release --project bench/Chat.Bench -- [options]
          --clients N          SignalR clients, a multiple of 4 (default 100)
          --duration S         seconds measured in each mode (default 10)
          --warmup S           seconds of unmeasured load at least, before each depth
                               and each REST path; longer while the server's JIT
                               compiler is still busy (default 5)
          --rate R             messages per second in the steady mode (default 5000)
          --rounds N           rounds of saturation per depth, and of steady, alternating
                               the targets (default 3)
          --depth LIST         invocations in flight per client when saturating, one
                               set of rounds per depth (default 1,8)
          --connections N      idle hub connections opened to each target (default 2000)
          --http-clients N     concurrent HTTP clients in the REST mode (default 16)
          --rest-callers WHO   anonymous (default) or signed-in: whether the REST mode's clients
                               carry a signed-in user's cookie, as the web page's polls do
          --modes LIST         any of saturation,steady,idle,rest,detect (default saturation,steady);
                               detect plays games of "who is the robot?" on the service alone
          --games N            detect: games played (default 50)
          --games-at-once N    detect: games played at the same time (default 10)
          --reply-delay-ms N   detect: the robot's Robot:ReplyDelay; the players' timing is
                               scaled to it (default 300, a fifth of the service's default)
          --robot NAME         detect: the model the hosts ask for (default eliza)
          --seed N             detect: seeds the players' choices (default 1)
          --set KEY=VALUE      more service configuration, repeatable
                               (e.g. --set Robot:Models:llama:Provider=OpenAI)
          --targets LIST       relay,relay-stored,chat,chat-checked,chat-pg,chat-2nodes (default
                               relay,chat); relay-stored is the relay committing each message
                               to SQLite, as the service does, before relaying it (the floor
                               of a durable send); chat-checked is the service with its
                               limits on (too high to refuse) and a client_msg_id on every
                               message; chat-pg is the service on a local PostgreSQL
                               (synchronous_commit=on) started by the bench; chat-2nodes is
                               two nodes on PostgreSQL and redis-server, each room with two
                               clients on each node
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
                "--depth" => options with { Depths = [.. value.Split(',', StringSplitOptions.TrimEntries).Select(ParsePositive)] },
                "--connections" => options with { IdleConnections = ParsePositive(value) },
                "--http-clients" => options with { HttpClients = ParsePositive(value) },
                "--rest-callers" when value is "anonymous" or "signed-in" => options with { RestSignedIn = value == "signed-in" },
                "--modes" => options with
                {
                    RunSaturation = Lists(value, "saturation"),
                    RunSteady = Lists(value, "steady"),
                    RunIdle = Lists(value, "idle"),
                    RunRest = Lists(value, "rest"),
                    RunDetect = Lists(value, "detect"),
                },
                "--games" => options with { Games = ParsePositive(value) },
                "--games-at-once" => options with { GamesAtOnce = ParsePositive(value) },
                "--reply-delay-ms" => options with { RobotReplyDelay = TimeSpan.FromMilliseconds(ParsePositive(value)) },
                "--robot" => options with { RobotModel = value },
                "--seed" => options with { Seed = ParsePositive(value) },
                "--set" when value.Contains('=', StringComparison.Ordinal) => options with { ServiceSettings = [.. options.ServiceSettings, value] },
                "--targets" => options with
                {
                    RunRelay = Lists(value, "relay"),
                    RunRelayStored = Lists(value, "relay-stored"),
                    RunChat = Lists(value, "chat"),
                    RunChatChecked = Lists(value, "chat-checked"),
                    RunChatPostgreSql = Lists(value, "chat-pg"),
                    RunChatTwoNodes = Lists(value, "chat-2nodes"),
                },
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
            { Clients: <= 0 } or { SteadyRate: <= 0 } or { Rounds: <= 0 } or { IdleConnections: <= 0 } or { HttpClients: <= 0 }
                => "clients, rate, rounds, connections and http-clients must be positive numbers",
            { Depths: var depths } when depths.Count == 0 || depths.Any(d => d <= 0) => "depth must be a list of positive numbers",
            { Clients: var n } when n % RoomSize != 0 => $"clients must be a multiple of {RoomSize}",
            { IdleConnections: var n } when n % RoomSize != 0 => $"connections must be a multiple of {RoomSize}",
            { Games: <= 0 } or { GamesAtOnce: <= 0 } or { RobotReplyDelay.Ticks: <= 0 } or { Seed: <= 0 }
                => "games, games-at-once, reply-delay-ms and seed must be positive numbers",
            { RunSaturation: false, RunSteady: false, RunIdle: false, RunRest: false, RunDetect: false } => "no mode selected",
            { RunDetect: true } when options.RunSaturation || options.RunSteady || options.RunIdle || options.RunRest
                => "detect runs alone: it starts the service with short game timers of its own",
            { RunRelay: false, RunRelayStored: false, RunsService: false } => "no target selected",
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
