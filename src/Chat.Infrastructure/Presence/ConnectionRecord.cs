namespace Chat.Infrastructure.Presence;

/// <summary>
/// One real-time connection, as every server process sees it. Times are Unix
/// milliseconds so that every provider can compare them in SQL.
/// </summary>
public sealed class ConnectionRecord
{
    public required string ConnectionId { get; init; }

    public int UserId { get; init; }

    public long OpenedAtMs { get; init; }

    public long LastSeenAtMs { get; set; }

    public long? ClosedAtMs { get; set; }
}
