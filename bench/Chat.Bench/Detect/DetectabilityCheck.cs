using System.Collections.Concurrent;
using System.Globalization;
using Chat.Bench.Hosting;
using Chat.Bench.Reporting;
using Chat.Bench.Targets;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Bench.Detect;

/// <summary>
/// The detectability check: plays many games of "who is the robot?" against the
/// service with scripted players, then asks of every cue how often it named the
/// robot, against chance. The whole game runs faster than life: the robot's
/// <c>Robot:ReplyDelay</c> is shortened, and the game's lengths and the players'
/// own timing with it in the same proportion.
/// </summary>
internal static class DetectabilityCheck
{
    /// <summary>The service's default game: three minutes of chat, at most 45 seconds of vote.</summary>
    private static readonly TimeSpan ChatLength = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan VoteLength = TimeSpan.FromSeconds(45);

    /// <summary>Beyond the game's own length: a slow start on a busy machine, the reveal, the end.</summary>
    private static readonly TimeSpan GameMargin = TimeSpan.FromSeconds(60);

    private const int FailuresShown = 5;

    public static async Task<int> RunAsync(BenchOptions options, string repositoryRoot)
    {
        var scale = HumanTiming.ScaleFor(options.RobotReplyDelay);
        var chat = ChatLength * scale;
        var vote = VoteLength * scale;
        string[] settings =
        [
            $"Game:ChatLength={Setting(chat)}", $"Game:VoteLength={Setting(vote)}",
            $"Robot:ReplyDelay={Setting(options.RobotReplyDelay)}",
            // Seats of players who drop out are freed quickly, and phase changes come on time.
            "Chat:DisconnectGrace=00:00:10", "Chat:PresenceSweepInterval=00:00:01", "DueTimes:PollInterval=00:00:00.200",
            .. options.ServiceSettings,
        ];
        await using var target = new ChatServiceTarget("chat", repositoryRoot, options.ServiceConfiguration, new SqliteServiceDatabase(), isChecked: false, settings);
        Progress.Say("chat: starting for the detectability check");
        await target.StartAsync();

        var seeds = new Random(options.Seed);
        var names = new PlayerNames(new Random(seeds.Next()));
        var gameSeeds = Enumerable.Range(0, options.Games).Select(_ => seeds.Next()).ToArray();
        var timeout = (scale * TimeSpan.FromSeconds(20)) + chat + vote + GameMargin;
        var records = new ConcurrentBag<GameRecord>();
        var failures = new ConcurrentQueue<string>();
        var finished = 0;
        Progress.Say(string.Create(CultureInfo.InvariantCulture,
            $"detect: {options.Games} games of {SimulatedGame.People} people and a robot ({options.RobotModel}), {options.GamesAtOnce} at once; chat {chat.TotalSeconds:0.#}s, vote {vote.TotalSeconds:0.#}s, robot reply delay {options.RobotReplyDelay.TotalMilliseconds:0} ms"));
        await Parallel.ForEachAsync(
            Enumerable.Range(0, options.Games),
            new ParallelOptions { MaxDegreeOfParallelism = options.GamesAtOnce },
            async (game, _) =>
            {
                var room = string.Create(CultureInfo.InvariantCulture, $"detect-{game}");
                try
                {
                    records.Add(await SimulatedGame.PlayAsync(target.BaseUri, room, options.RobotModel, scale, names, new Random(gameSeeds[game]), timeout));
                }
                catch (Exception error) when (error is InvalidOperationException or TimeoutException or HttpRequestException or HubException)
                {
                    failures.Enqueue(error.Message);
                }

                var done = Interlocked.Increment(ref finished);
                if (done % options.GamesAtOnce == 0 || done == options.Games)
                {
                    Progress.Say($"detect: {done} of {options.Games} games over");
                }
            });

        var judged = new Random(options.Seed);
        var tallies = Cues.All.Select(c => new CueTally(c)).ToList();
        var games = records.OrderBy(r => r.Robot, StringComparer.Ordinal).ToList();
        foreach (var game in games)
        {
            foreach (var view in game.Views.Where(v => v.Others.Contains(game.Robot, StringComparer.OrdinalIgnoreCase)))
            {
                foreach (var tally in tallies)
                {
                    tally.Judge(game, view, judged);
                }
            }
        }

        var stats = await StatsLine(target, options.RobotModel);
        Console.Out.WriteLine();
        Console.Out.WriteLine($"{Environment.ProcessorCount} cores; load average {MachineLoad.Describe()}.");
        DetectTable.Print(tallies, games, scale, options, Console.Out);
        Console.Out.WriteLine(stats);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{games.Count} games over, {failures.Count} failed."));
        foreach (var failure in failures.Take(FailuresShown))
        {
            Console.Out.WriteLine($"  failed: {failure}");
        }

        return games.Count > 0 ? 0 : 1;
    }

    /// <summary>What the service itself counted: the share of the scripted players' votes that did not name the robot.</summary>
    private static async Task<string> StatsLine(ChatServiceTarget target, string model)
    {
        using var api = new ChatServiceApi(target.BaseUri, new System.Net.CookieContainer());
        using var stats = await api.GetJsonAsync("/api/stats", CancellationToken.None);
        var row = stats.RootElement.GetProperty("robots").EnumerateArray()
            .FirstOrDefault(r => r.GetProperty("model").GetString() == model);
        return row.ValueKind == System.Text.Json.JsonValueKind.Undefined
            ? $"GET /api/stats: no finished games of {model}."
            : string.Create(CultureInfo.InvariantCulture,
                $"GET /api/stats: {model} in {row.GetProperty("games").GetInt32()} games, judged_human_rate {row.GetProperty("judged_human_rate").GetDouble():0.00} (each scripted player votes by one cue picked at random).");
    }

    private static string Setting(TimeSpan length) => length.ToString("c", CultureInfo.InvariantCulture);
}
