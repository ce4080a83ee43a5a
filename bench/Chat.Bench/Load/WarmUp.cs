using System.Diagnostics;
using System.Globalization;
using Chat.Bench.Reporting;
using Chat.Bench.Targets;

namespace Chat.Bench.Load;

/// <summary>
/// Unmeasured load before a measurement, for at least the warm-up asked for and
/// then until the server's JIT compiler has gone quiet: the runtime recompiles
/// what a load makes hot, with the profile it gathered, and the chat service has
/// far more code to bring up than the relay. On this machine its compiler worked
/// for about 15 s of saturating load, at a third to four fifths of a core, while
/// its processor time per message read twice the figure it settled at.
/// </summary>
internal static class WarmUp
{
    /// <summary>How long each check of the compiler lasts, under load.</summary>
    private static readonly TimeSpan Check = TimeSpan.FromSeconds(3);

    /// <summary>Compiling for less than this share of a check's time counts as quiet.</summary>
    private const double QuietShare = 0.03;

    /// <summary>A server that keeps compiling is measured anyway after this long, and the report says so.</summary>
    private static readonly TimeSpan Most = TimeSpan.FromSeconds(60);

    /// <param name="load">Runs the load for the time given and returns when it is over.</param>
    /// <returns>What the warm-up found, for the report.</returns>
    public static async Task<string> RunAsync(IBenchTarget target, string what, TimeSpan least, Func<TimeSpan, Task> load)
    {
        var started = Stopwatch.GetTimestamp();
        Progress.Say($"{target.Name}: warming up {what} for at least {least.TotalSeconds:0}s");
        await load(least);
        while (true)
        {
            var compiling = target.ServerCompilingTimeAsync(Check);
            await load(Check);
            var compiled = await compiling;
            var elapsed = Stopwatch.GetElapsedTime(started);
            var quiet = compiled < Check * QuietShare;
            if (quiet || elapsed >= Most)
            {
                var verdict = quiet ? "quiet" : "STILL COMPILING";
                var report = string.Create(CultureInfo.InvariantCulture,
                    $"{target.Name}, {what}: {elapsed.TotalSeconds:0} s, JIT {compiled.TotalMilliseconds:0} ms in the last {Check.TotalSeconds:0} s ({verdict})");
                Progress.Say($"warm: {report}");
                return report;
            }
        }
    }
}
