using System.Diagnostics;

namespace Chat.Bench.Load;

/// <summary>
/// Processor time spent by the server and by this load generator over a
/// window. On a machine this small both compete for the same cores, so the
/// server's processor time per message is what decides its throughput.
/// </summary>
internal sealed class CpuMeter
{
    private readonly Func<TimeSpan> _serverCpu;
    private readonly long _startedAt;
    private readonly TimeSpan _serverAtStart;
    private readonly TimeSpan _generatorAtStart;
    private CpuUsage? _usage;

    public CpuMeter(Func<TimeSpan> serverCpu)
    {
        _serverCpu = serverCpu;
        _startedAt = Stopwatch.GetTimestamp();
        _serverAtStart = serverCpu();
        _generatorAtStart = GeneratorCpu();
    }

    public CpuUsage Usage => _usage ?? throw new InvalidOperationException("the meter was not stopped");

    public void Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_startedAt);
        _usage = new CpuUsage(
            ServerPercent: 100 * (_serverCpu() - _serverAtStart) / wall,
            GeneratorPercent: 100 * (GeneratorCpu() - _generatorAtStart) / wall);
    }

    private static TimeSpan GeneratorCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}

/// <summary>Percent of one core; 200 is both cores of this machine.</summary>
internal sealed record CpuUsage(double ServerPercent, double GeneratorPercent)
{
    public double ServerMicrosecondsPerMessage(double messagesPerSecond) =>
        messagesPerSecond > 0 ? ServerPercent / 100 * 1_000_000 / messagesPerSecond : double.NaN;
}
