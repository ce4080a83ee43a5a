using System.Diagnostics;
using Chat.Bench.Clients;

namespace Chat.Bench.Load;

/// <summary>
/// Closed loop: every client sends, awaits the server's answer, and sends
/// again, with <c>depth</c> such loops per client, until the window ends.
/// The accepted rate is then the most the target completes under this load.
/// </summary>
internal static class SaturationLoad
{
    public static async Task<Measurement> RunAsync(LoadContext context, int depth, TimeSpan duration)
    {
        var measurement = context.Begin(duration);
        var loops = context.Clients.SelectMany(client => Enumerable.Range(0, depth).Select(_ => SendUntilWindowEndsAsync(client, measurement)));
        await Task.WhenAll(loops);
        measurement.StopCpuMeter();
        await context.EndAsync();
        return measurement;
    }

    private static async Task SendUntilWindowEndsAsync(BenchClient client, Measurement measurement)
    {
        // Starts every loop on a pool thread at once instead of running the first sends inline one client after another.
        await Task.Yield();
        for (var sentAt = Stopwatch.GetTimestamp(); sentAt < measurement.WindowEnd; sentAt = Stopwatch.GetTimestamp())
        {
            if (await LoadTiming.SendAsync(client, sentAt, measurement) == SendOutcome.ConnectionLost)
            {
                return;
            }
        }
    }
}
