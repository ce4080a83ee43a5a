using System.Diagnostics;

namespace Chat.Bench.Load;

/// <summary>
/// Processor time spent by the server and by this load generator over a
/// window. On a machine this small both compete for the same cores, so the
/// server's processor time per message is what decides its throughput.
/// </summary>
internal sealed class CpuMeter
{
    private readonly Func<ServerTimes> _serverCpu;
    private readonly long _startedAt;
    private readonly ServerTimes _serverAtStart;
    private readonly TimeSpan _generatorAtStart;
    private CpuUsage? _usage;

    public CpuMeter(Func<TimeSpan> serverCpu)
        : this(() => ServerTimes.SingleProcess(serverCpu()))
    {
    }

    public CpuMeter(Func<ServerTimes> serverCpu)
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
        var server = _serverCpu();
        var nodes = server.Nodes.Zip(_serverAtStart.Nodes, (now, start) => 100 * (now - start) / wall).ToArray();
        _usage = new CpuUsage(
            ServerPercent: nodes.Sum(),
            GeneratorPercent: 100 * (GeneratorCpu() - _generatorAtStart) / wall)
        {
            NodePercents = nodes,
            DatabasePercent = 100 * (server.Database - _serverAtStart.Database) / wall,
            BackplanePercent = 100 * (server.Backplane - _serverAtStart.Backplane) / wall,
        };
    }

    private static TimeSpan GeneratorCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}

/// <summary>Percent of one core; 200 is both cores of this machine. The server's is the sum over its nodes.</summary>
internal sealed record CpuUsage(double ServerPercent, double GeneratorPercent)
{
    /// <summary>Each node's share of <see cref="ServerPercent"/>, in the target's order of its nodes.</summary>
    public IReadOnlyList<double> NodePercents { get; init; } = [];

    /// <summary>The database server's processes (PostgreSQL); zero for SQLite, which runs inside the node.</summary>
    public double DatabasePercent { get; init; }

    /// <summary>redis-server, where the nodes share one.</summary>
    public double BackplanePercent { get; init; }

    public double ServerMicrosecondsPerMessage(double messagesPerSecond) => MicrosecondsPerMessage(ServerPercent, messagesPerSecond);

    public static double MicrosecondsPerMessage(double percent, double messagesPerSecond) =>
        messagesPerSecond > 0 ? percent / 100 * 1_000_000 / messagesPerSecond : double.NaN;
}
