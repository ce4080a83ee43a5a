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
    public static async Task<Measurement> RunAsync(IReadOnlyList<BenchClient> clients, int depth, TimeSpan duration, MeasurementSlot slot)
    {
        var measurement = Measurement.StartingNow(duration);
        slot.Current = measurement;
        var loops = clients.SelectMany(client => Enumerable.Range(0, depth).Select(_ => SendUntilWindowEndsAsync(client, measurement)));
        await Task.WhenAll(loops);
        await Task.Delay(LoadTiming.DeliveryGrace);
        slot.Current = null;
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
