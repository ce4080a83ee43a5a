using System.Diagnostics;
using Chat.Bench.Clients;

namespace Chat.Bench.Load;

/// <summary>
/// Open loop: messages leave on a fixed schedule spread round-robin over the
/// clients, whether or not earlier ones were answered, so a slow server shows
/// up as latency instead of quietly lowering the offered rate. Each message
/// carries its scheduled instant, so any lag of the generator counts too; that
/// lag is reported on its own so it can be told apart from the server's.
/// </summary>
internal static class SteadyLoad
{
    // Past this many unanswered messages the target is plainly not keeping up; sending more would only grow its queue.
    private const int MaxInFlight = 5_000;

    public static async Task<SteadyOutcome> RunAsync(LoadContext context, int rate, TimeSpan duration)
    {
        var clients = context.Clients;
        var measurement = context.Begin(duration);
        var total = (long)(rate * duration.TotalSeconds);
        var ticksPerMessage = Stopwatch.Frequency / (double)rate;
        var tracker = new InFlightTracker();
        var generatorLag = new LatencySamples();
        var sends = new List<Task>((int)total);
        long skipped = 0;

        // The schedule runs on a thread of its own, not the pool's: on two cores the pool's
        // queue holds the clients' thousands of received events a second, and a timer's
        // continuation waiting behind them made the generator late by several milliseconds
        // at p99, which every message then counted as latency.
        var generator = new Thread(() =>
        {
            long scheduled = 0;
            while (scheduled < total)
            {
                var now = Stopwatch.GetTimestamp();
                var due = Math.Min(total, (long)((now - measurement.WindowStart) / ticksPerMessage) + 1);
                for (; scheduled < due; scheduled++)
                {
                    if (tracker.Count >= MaxInFlight)
                    {
                        skipped++;
                        continue;
                    }
                    var intendedAt = measurement.WindowStart + (long)(scheduled * ticksPerMessage);
                    generatorLag.Add(MessageStamp.Milliseconds(intendedAt, Stopwatch.GetTimestamp()));
                    sends.Add(tracker.TrackAsync(clients[(int)(scheduled % clients.Count)], intendedAt, measurement));
                }
                Thread.Sleep(1);
            }
        })
        {
            IsBackground = true,
            Name = "steady schedule",
        };
        generator.Start();
        await Task.Run(generator.Join);
        measurement.StopCpuMeter();

        await WaitForAnswersAsync(sends);
        await context.EndAsync();
        return new SteadyOutcome(measurement, total, tracker.Accepted, skipped, generatorLag.Summarise());
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
                // Written out on the schedule's thread; the answer is awaited on the pool's.
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

internal sealed record SteadyOutcome(Measurement Measurement, long Scheduled, long Accepted, long Skipped, LatencySummary GeneratorLag)
{
    /// <summary>Every scheduled message went out and was accepted, at (almost) the offered rate inside the window.</summary>
    public bool Sustained(int rate, RunResult result) =>
        Skipped == 0 && Accepted == Scheduled && result.Failures == 0 && result.AcceptedPerSecond >= rate * 0.95;
}
