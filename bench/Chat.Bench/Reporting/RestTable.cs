using System.Globalization;
using Chat.Bench.Load;

namespace Chat.Bench.Reporting;

internal static class RestTable
{
    private static readonly string[] Headings =
        ["target", "mode", "path", "http clients", "req/s", "p50 ms", "p99 ms", "max ms", "failures", "server cpu %", "server us/req", "bench cpu %", "note"];

    public static void Print(IReadOnlyList<RestMeasurement> results, int listedSessions, bool signedIn, TextWriter output)
    {
        if (results.Count == 0)
        {
            return;
        }
        var callers = signedIn ? "signed-in callers (one user's cookie on every request)" : "anonymous callers";
        output.WriteLine(Invariant($"REST: closed loops of GET, whole body read, {callers}; the lobby lists {listedSessions} sessions. {RestLoad.StatusPath} does no work: it is the ceiling."));
        TextColumns.Write(output, Headings, results.Select(Cells), leftAligned: 3);
        foreach (var target in results.Select(r => r.Target).Distinct())
        {
            var ofTarget = results.Where(r => r.Target == target).ToList();
            var ceiling = Median(ofTarget.Where(r => r.Path == RestLoad.StatusPath));
            foreach (var path in RestLoad.Paths)
            {
                var rate = Median(ofTarget.Where(r => r.Path == path));
                if (!double.IsNaN(rate))
                {
                    var share = ceiling > 0 && path != RestLoad.StatusPath ? Invariant($"  ({rate / ceiling:0.00} of {RestLoad.StatusPath})") : "";
                    output.WriteLine(Invariant($"{target} {path}: {rate:0} req/s, median of {ofTarget.Count(r => r.Path == path)} rounds{share}"));
                }
            }
        }
        output.WriteLine();
    }

    private static string[] Cells(RestMeasurement r) =>
    [
        r.Target,
        "rest",
        r.Path,
        Invariant($"{r.Clients}"),
        Invariant($"{r.RequestsPerSecond:0}"),
        Invariant($"{r.Latency.P50:0.0}"),
        Invariant($"{r.Latency.P99:0.0}"),
        Invariant($"{r.Latency.Max:0.0}"),
        Invariant($"{r.Failures}"),
        Invariant($"{r.Cpu.ServerPercent:0}"),
        Invariant($"{r.Cpu.ServerMicrosecondsPerMessage(r.RequestsPerSecond):0}"),
        Invariant($"{r.Cpu.GeneratorPercent:0}"),
        Invariant($"round {r.Round}"),
    ];

    private static double Median(IEnumerable<RestMeasurement> measurements)
    {
        var sorted = measurements.Select(m => m.RequestsPerSecond).Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
