using System.Diagnostics;
using Chat.Bench.Clients;

namespace Chat.Bench.Load;

/// <summary>
/// Counts what happens inside one measured window. Rates count completions
/// and deliveries that happen inside the window; latencies are taken for
/// messages sent inside it, however late they arrive, so a slow tail is not
/// cut off at the end of the window.
/// </summary>
internal sealed class Measurement(long windowStart, long windowEnd, CpuMeter cpu)
{
    private readonly LatencySamples _delivery = new();
    private readonly LatencySamples _acknowledgement = new();
    private readonly LatencySamples _sameNode = new();
    private readonly LatencySamples _otherNode = new();
    private long _accepted;
    private long _deliveries;
    private long _failures;

    public static Measurement StartingNow(TimeSpan window, Func<ServerTimes> serverCpu)
    {
        var cpu = new CpuMeter(serverCpu);
        var start = Stopwatch.GetTimestamp();
        return new Measurement(start, start + (long)(window.TotalSeconds * Stopwatch.Frequency), cpu);
    }

    public long WindowStart => windowStart;
    public long WindowEnd => windowEnd;
    public double WindowSeconds => (windowEnd - windowStart) / (double)Stopwatch.Frequency;

    public void RecordAccepted(long sentAt, long completedAt)
    {
        if (InWindow(completedAt))
        {
            Interlocked.Increment(ref _accepted);
        }
        if (InWindow(sentAt))
        {
            _acknowledgement.Add(MessageStamp.Milliseconds(sentAt, completedAt));
        }
    }

    public void RecordDelivery(long sentAt, long receivedAt, DeliveryRoute route = DeliveryRoute.Unsplit)
    {
        if (InWindow(receivedAt))
        {
            Interlocked.Increment(ref _deliveries);
        }
        if (InWindow(sentAt))
        {
            var milliseconds = MessageStamp.Milliseconds(sentAt, receivedAt);
            _delivery.Add(milliseconds);
            if (route == DeliveryRoute.SameNode)
            {
                _sameNode.Add(milliseconds);
            }
            else if (route == DeliveryRoute.OtherNode)
            {
                _otherNode.Add(milliseconds);
            }
        }
    }

    public void RecordFailure() => Interlocked.Increment(ref _failures);

    /// <summary>Called once the last message of the window has been sent.</summary>
    public void StopCpuMeter() => cpu.Stop();

    public RunResult Summarise(string target, string mode, int clients, string note) => new(
        target,
        mode,
        clients,
        Interlocked.Read(ref _accepted) / WindowSeconds,
        Interlocked.Read(ref _deliveries) / WindowSeconds,
        _delivery.Summarise(),
        _acknowledgement.Summarise(),
        Interlocked.Read(ref _failures),
        cpu.Usage,
        note)
    {
        SameNode = _sameNode.Count > 0 ? _sameNode.Summarise() : null,
        OtherNode = _otherNode.Count > 0 ? _otherNode.Summarise() : null,
    };

    private bool InWindow(long timestamp) => timestamp >= windowStart && timestamp < windowEnd;
}
