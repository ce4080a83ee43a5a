namespace Chat.Bench.Load;

internal sealed record RunResult(
    string Target,
    string Mode,
    int Clients,
    double AcceptedPerSecond,
    double DeliveriesPerSecond,
    LatencySummary Delivery,
    LatencySummary Acknowledgement,
    long Failures,
    CpuUsage Cpu,
    string Note)
{
    /// <summary>Steady mode only: every scheduled message was accepted at the offered rate.</summary>
    public bool Sustained { get; init; }

    /// <summary>Saturation only: which round of the alternating measurement this is.</summary>
    public int Round { get; init; }

    /// <summary>Saturation only: invocations each client kept in flight.</summary>
    public int Depth { get; init; }

    /// <summary>Several nodes only: send to receipt by another client on the sender's node.</summary>
    public LatencySummary? SameNode { get; init; }

    /// <summary>Several nodes only: send to receipt by a client on another node than the sender's.</summary>
    public LatencySummary? OtherNode { get; init; }

    /// <summary>The server's peak resident memory since it started, read when this measurement ended.</summary>
    public long ServerPeakBytes { get; init; }
}
