using System.Globalization;
using Chat.Bench.Load;
using Chat.Bench.Targets;

namespace Chat.Bench.Reporting;

/// <summary>
/// The service's targets side by side on what the database and the nodes cost:
/// SQLite in the node, PostgreSQL beside it, and two nodes on PostgreSQL and Redis,
/// with the delivery latency split by whether the receiver shares the sender's node.
/// Under it, for two nodes, what the backplane adds per message and what N nodes
/// would carry at the measured cost.
/// </summary>
internal static class NodesTable
{
    private const string TwoNodes = "chat-2nodes";
    private const string OneNodePostgreSql = "chat-pg";

    private static readonly string[] Headings =
        ["target", "mode", "accepted/s", "deliveries/s", "p99 ms", "p99 same node ms", "p99 other node ms", "nodes us/msg", "per node us/msg", "postgres us/msg", "redis us/msg", "note"];

    public static void Print(IReadOnlyList<RunResult> results, TextWriter output)
    {
        var rows = results.Where(r => r.Target is OneNodePostgreSql or TwoNodes || (r.Target == "chat" && results.Any(o => o.Target is OneNodePostgreSql or TwoNodes))).ToList();
        if (rows.Count == 0)
        {
            return;
        }
        output.WriteLine();
        output.WriteLine("By database and node: same node = another client on the sender's node; other node = through Redis.");
        output.WriteLine("us/msg: processor time per accepted message, of the nodes together, of each node, of PostgreSQL's processes and of redis-server.");
        TextColumns.Write(output, Headings, rows.Select(Cells), leftAligned: 2);
        output.WriteLine();
        PrintEstimates(results, output);
    }

    /// <summary>
    /// From each saturation depth's median round: the nodes' processor time per message
    /// is what one message costs wherever its room sits on two nodes, so N nodes of C
    /// cores carry about N x C x 1,000,000 / that many messages per second, until
    /// PostgreSQL or Redis (one thread) runs out of processor time first.
    /// </summary>
    private static void PrintEstimates(IReadOnlyList<RunResult> results, TextWriter output)
    {
        foreach (var depth in results.Where(r => r is { Target: TwoNodes, Mode: "saturation" }).Select(r => r.Depth).Distinct())
        {
            var two = MedianCost(results, TwoNodes, depth);
            var one = MedianCost(results, OneNodePostgreSql, depth);
            var backplane = one is { } single ? Invariant($"; chat-pg, one node, {single.Nodes:0}: two nodes minus one {two!.Nodes - single.Nodes:+0;-0} us/msg") : "";
            output.WriteLine(Invariant($"chat-2nodes, depth {depth}, median: nodes {two!.Nodes:0} us/msg ({two.PerNode}), PostgreSQL {two.Database:0}, Redis {two.Backplane:0}{backplane}."));
            output.WriteLine(Invariant($"  estimate by processor time: N nodes of one core each ~ N x {1_000_000 / two.Nodes:0} msg/s; PostgreSQL ~ {1_000_000 / two.Database:0} msg/s per core it gets; Redis ~ {1_000_000 / two.Backplane:0} msg/s (one thread)."));
        }
        if (results.Any(r => r.Target == TwoNodes))
        {
            output.WriteLine("On two cores shared by both nodes, PostgreSQL, Redis and the generator, two nodes measure what the backplane costs, not how the service scales.");
        }
    }

    private static Cost? MedianCost(IReadOnlyList<RunResult> results, string target, int depth)
    {
        var rounds = results.Where(r => r.Target == target && r.Mode == "saturation" && r.Depth == depth).OrderBy(r => r.AcceptedPerSecond).ToList();
        if (rounds.Count == 0)
        {
            return null;
        }
        var median = rounds[(rounds.Count - 1) / 2];
        var rate = median.AcceptedPerSecond;
        return new Cost(
            median.Cpu.ServerMicrosecondsPerMessage(rate),
            string.Join(" + ", median.Cpu.NodePercents.Select((percent, node) => Invariant($"{TwoNodesTarget.NodeName(node)} {CpuUsage.MicrosecondsPerMessage(percent, rate):0}"))),
            CpuUsage.MicrosecondsPerMessage(median.Cpu.DatabasePercent, rate),
            CpuUsage.MicrosecondsPerMessage(median.Cpu.BackplanePercent, rate));
    }

    private static string[] Cells(RunResult r)
    {
        var rate = r.AcceptedPerSecond;
        return
        [
            r.Target,
            r.Mode,
            Invariant($"{rate:0}"),
            Invariant($"{r.DeliveriesPerSecond:0}"),
            Invariant($"{r.Delivery.P99:0.0}"),
            r.SameNode is { } same ? Invariant($"{same.P99:0.0}") : "-",
            r.OtherNode is { } other ? Invariant($"{other.P99:0.0}") : "-",
            Invariant($"{r.Cpu.ServerMicrosecondsPerMessage(rate):0}"),
            r.Cpu.NodePercents.Count > 1 ? string.Join(" / ", r.Cpu.NodePercents.Select(p => Invariant($"{CpuUsage.MicrosecondsPerMessage(p, rate):0}"))) : "-",
            r.Cpu.DatabasePercent > 0 ? Invariant($"{CpuUsage.MicrosecondsPerMessage(r.Cpu.DatabasePercent, rate):0}") : "-",
            r.Cpu.BackplanePercent > 0 ? Invariant($"{CpuUsage.MicrosecondsPerMessage(r.Cpu.BackplanePercent, rate):0}") : "-",
            r.Mode == "saturation" ? Invariant($"depth {r.Depth}, round {r.Round}") : r.Note,
        ];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Processor time per accepted message, in microseconds.</summary>
    private sealed record Cost(double Nodes, string PerNode, double Database, double Backplane);
}
