using System.Globalization;
using Chat.Bench.Load;

namespace Chat.Bench.Reporting;

internal static class ResultTable
{
    // The performance issue's targets: the rate against the relay at 8 in flight, server
    // time per message at 1 and at 8 in flight, and the steady p99.
    private const double RatioTarget = 0.5;
    private const double SteadyP99TargetMs = 10;

    private static readonly Dictionary<int, double> MicrosecondsTargets = new() { [1] = 45, [8] = 35 };

    private static readonly string[] Headings =
        ["target", "mode", "clients", "accepted/s", "deliveries/s", "p50 ms", "p99 ms", "max ms", "ack p50 ms", "ack p99 ms", "failures", "server cpu %", "server us/msg", "server peak MB", "bench cpu %", "note"];

    public static void Print(IReadOnlyList<RunResult> results, BenchOptions options, TextWriter output)
    {
        if (results.Count == 0)
        {
            return;
        }
        var rows = results.Select(Cells).Prepend(Headings).ToList();
        var widths = Enumerable.Range(0, Headings.Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        output.WriteLine("Latency: send to receipt of the message event, over every receiver; ack: send to the invocation's completion.");
        output.WriteLine("cpu %: of one core (200 = both cores); server us/msg: server processor time per accepted message.");
        output.WriteLine("server peak MB: the most memory the server process has had resident since it started.");
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, column) => column < 2 || column == row.Length - 1 ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]))).TrimEnd());
        }
        output.WriteLine();
        PrintVerdicts(results, options, output);
    }

    private static void PrintVerdicts(IReadOnlyList<RunResult> results, BenchOptions options, TextWriter output)
    {
        foreach (var depth in results.Where(r => r is { Mode: "saturation" }).Select(r => r.Depth).Distinct())
        {
            var rounds = RoundRatios(results.Where(r => r.Mode == "saturation" && r.Depth == depth), "relay", "chat", r => r.AcceptedPerSecond);
            if (rounds.Count > 0)
            {
                var ratio = Median(rounds);
                var each = string.Join(", ", rounds.Select(r => Invariant($"{r:0.00}")));
                output.WriteLine(Invariant($"chat/relay accepted rate (saturation, depth {depth}, median of {rounds.Count} rounds: {each}): {ratio:0.00}  (target >= {RatioTarget:0.00}: {Verdict(ratio >= RatioTarget)})"));
            }

            var costs = results.Where(r => r is { Mode: "saturation", Target: "chat" } && r.Depth == depth)
                .Select(r => r.Cpu.ServerMicrosecondsPerMessage(r.AcceptedPerSecond)).ToList();
            if (costs.Count > 0 && MicrosecondsTargets.TryGetValue(depth, out var most))
            {
                var cost = Median(costs);
                var each = string.Join(", ", costs.Select(c => Invariant($"{c:0}")));
                output.WriteLine(Invariant($"chat server us/msg (saturation, depth {depth}, median of {costs.Count} rounds: {each}): {cost:0}  (target <= {most:0}: {Verdict(cost <= most)})"));
            }

            // The relay that only commits each message before relaying it: what durability alone
            // costs, and what the service's own code costs beyond it, round by round.
            var durable = RoundPairs(results.Where(r => r.Mode == "saturation" && r.Depth == depth), "relay-stored", "chat");
            if (durable.Count > 0)
            {
                var floors = durable.Select(p => MicrosecondsPerMessage(p.Under)).ToList();
                var beyond = durable.Select(p => MicrosecondsPerMessage(p.Over) - MicrosecondsPerMessage(p.Under)).ToList();
                output.WriteLine(Invariant($"relay-stored server us/msg (saturation, depth {depth}, median of {floors.Count} rounds: {string.Join(", ", floors.Select(f => Invariant($"{f:0}")))}): {Median(floors):0}; chat beyond it: {Median(beyond):0} (rounds: {string.Join(", ", beyond.Select(b => Invariant($"{b:0}")))})"));
            }
        }
        var checkedRounds = RoundRatios(results.Where(r => r is { Mode: "saturation" }), "chat", "chat-checked", r => r.AcceptedPerSecond);
        if (checkedRounds.Count > 0)
        {
            var each = string.Join(", ", checkedRounds.Select(r => Invariant($"{r:0.00}")));
            output.WriteLine(Invariant($"chat-checked/chat accepted rate (saturation, median of {checkedRounds.Count} rounds: {each}): {Median(checkedRounds):0.00}  (the limiter and client_msg_id's index, per message)"));
        }
        var steadyCosts = RoundRatios(results.Where(r => r is { Mode: "steady" }), "chat", "chat-checked", r => r.Cpu.ServerMicrosecondsPerMessage(r.AcceptedPerSecond));
        if (steadyCosts.Count > 0)
        {
            var each = string.Join(", ", steadyCosts.Select(r => Invariant($"{r:0.00}")));
            output.WriteLine(Invariant($"chat-checked/chat server us/msg (steady, median of {steadyCosts.Count} rounds: {each}): {Median(steadyCosts):0.00}"));
        }
        var steady = results.Where(r => r is { Target: "chat", Mode: "steady" }).ToList();
        if (steady.Count > 0)
        {
            // Judged on the median round's p99, and every round must have kept up without loss.
            var p99 = Median([.. steady.Select(r => r.Delivery.P99)]);
            var each = string.Join(", ", steady.Select(r => Invariant($"{r.Delivery.P99:0.0}")));
            var met = p99 <= SteadyP99TargetMs && steady.All(r => r.Sustained);
            output.WriteLine(Invariant($"chat steady p99 at {options.SteadyRate} msg/s (median of {steady.Count} rounds: {each}): {p99:0.0} ms  (target <= {SteadyP99TargetMs:0} ms, none lost: {Verdict(met)})"));
        }
    }

    /// <summary>
    /// For each round of <paramref name="rows"/> that measured both targets, <paramref name="measure"/>
    /// of <paramref name="over"/> divided by that of <paramref name="under"/>; a round whose
    /// <paramref name="under"/> measured nothing is left out.
    /// </summary>
    private static List<double> RoundRatios(IEnumerable<RunResult> rows, string under, string over, Func<RunResult, double> measure) =>
        RoundPairs(rows, under, over)
            .Where(pair => measure(pair.Under) > 0)
            .Select(pair => measure(pair.Over) / measure(pair.Under))
            .ToList();

    /// <summary>The rounds of <paramref name="rows"/> that measured both targets, each as the pair of their results.</summary>
    private static List<(RunResult Under, RunResult Over)> RoundPairs(IEnumerable<RunResult> rows, string under, string over) =>
        rows.GroupBy(r => r.Round)
            .Select(g => (Under: g.FirstOrDefault(r => r.Target == under), Over: g.FirstOrDefault(r => r.Target == over)))
            .Where(pair => pair.Under is not null && pair.Over is not null)
            .Select(pair => (pair.Under!, pair.Over!))
            .ToList();

    private static double MicrosecondsPerMessage(RunResult r) => r.Cpu.ServerMicrosecondsPerMessage(r.AcceptedPerSecond);

    private static string[] Cells(RunResult r) =>
    [
        r.Target,
        r.Mode,
        Invariant($"{r.Clients}"),
        Invariant($"{r.AcceptedPerSecond:0}"),
        Invariant($"{r.DeliveriesPerSecond:0}"),
        Invariant($"{r.Delivery.P50:0.0}"),
        Invariant($"{r.Delivery.P99:0.0}"),
        Invariant($"{r.Delivery.Max:0.0}"),
        Invariant($"{r.Acknowledgement.P50:0.0}"),
        Invariant($"{r.Acknowledgement.P99:0.0}"),
        Invariant($"{r.Failures}"),
        Invariant($"{r.Cpu.ServerPercent:0}"),
        Invariant($"{r.Cpu.ServerMicrosecondsPerMessage(r.AcceptedPerSecond):0}"),
        Invariant($"{r.ServerPeakBytes / (1024.0 * 1024.0):0}"),
        Invariant($"{r.Cpu.GeneratorPercent:0}"),
        r.Note,
    ];

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Verdict(bool met) => met ? "met" : "NOT met";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
