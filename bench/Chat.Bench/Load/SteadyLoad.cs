using System.Diagnostics;
using Chat.Bench.Clients;

namespace Chat.Bench.Load;

/// <summary>
/// Open loop: messages leave on a fixed schedule spread round-robin over the
/// clients, whether or not earlier ones were answered, so a slow server shows
/// up as latency instead of quietly lowering the offered rate. Each message
/// carries its scheduled instant, so any lag of the generator counts too.
/// </summary>
internal static class SteadyLoad
{
    // Past this many unanswered messages the target is plainly not keeping up; sending more would only grow its queue.
    private const int MaxInFlight = 5_000;

    public static async Task<SteadyOutcome> RunAsync(IReadOnlyList<BenchClient> clients, int rate, TimeSpan duration, MeasurementSlot slot)
    {
        var measurement = Measurement.StartingNow(duration);
        slot.Current = measurement;
        var total = (long)(rate * duration.TotalSeconds);
        var ticksPerMessage = Stopwatch.Frequency / (double)rate;
        var tracker = new InFlightTracker();
        var sends = new List<Task>((int)total);
        long scheduled = 0;
        long skipped = 0;

        while (scheduled < total)
        {
            var due = Math.Min(total, (long)((Stopwatch.GetTimestamp() - measurement.WindowStart) / ticksPerMessage) + 1);
            for (; scheduled < due; scheduled++)
            {
                if (tracker.Count >= MaxInFlight)
                {
                    skipped++;
                    continue;
                }
                var intendedAt = measurement.WindowStart + (long)(scheduled * ticksPerMessage);
                sends.Add(tracker.TrackAsync(clients[(int)(scheduled % clients.Count)], intendedAt, measurement));
            }
            await Task.Delay(1);
        }

        await WaitForAnswersAsync(sends);
        await Task.Delay(LoadTiming.DeliveryGrace);
        slot.Current = null;
        return new SteadyOutcome(measurement, total, tracker.Accepted, skipped);
    }

    private static async Task WaitForAnswersAsync(List<Task> sends)
    {
        try
        {
            await Task.WhenAll(sends).WaitAsync(LoadTiming.CompletionTimeout);
        }
        catch (TimeoutException)
        {
            // Unanswered messages are reported as not accepted.
        }
    }

    private sealed class InFlightTracker
    {
        private long _count;
        private long _accepted;

        public long Count => Interlocked.Read(ref _count);
        public long Accepted => Interlocked.Read(ref _accepted);

        public async Task TrackAsync(BenchClient client, long intendedAt, Measurement measurement)
        {
            Interlocked.Increment(ref _count);
            try
            {
                await Task.Yield();
                if (await LoadTiming.SendAsync(client, intendedAt, measurement) == SendOutcome.Accepted)
                {
                    Interlocked.Increment(ref _accepted);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }
}

internal sealed record SteadyOutcome(Measurement Measurement, long Scheduled, long Accepted, long Skipped)
{
    /// <summary>Every scheduled message went out and was accepted, at (almost) the offered rate inside the window.</summary>
    public bool Sustained(int rate, RunResult result) =>
        Skipped == 0 && Accepted == Scheduled && result.Failures == 0 && result.AcceptedPerSecond >= rate * 0.95;
}
