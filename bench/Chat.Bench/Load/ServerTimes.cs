namespace Chat.Bench.Load;

/// <summary>
/// Processor time used so far by a target's processes: each node of the service (one
/// for a single server), and the servers its nodes share, the database's and Redis's
/// (zero where there is none, or where it runs inside the node, as SQLite does).
/// </summary>
internal sealed record ServerTimes(IReadOnlyList<TimeSpan> Nodes, TimeSpan Database, TimeSpan Backplane)
{
    public static ServerTimes SingleProcess(TimeSpan server) => new([server], TimeSpan.Zero, TimeSpan.Zero);
}
