namespace Chat.Application.Common.Interfaces;

/// <summary>A present player whose every connection has been gone longer than the grace period.</summary>
public sealed record LapsedPlayer(int UserId, int SessionId);

/// <summary>
/// Who is connected, kept where every server process sees it (the first
/// implementation uses the database), so that no rule depends on what only one
/// process knows.
/// </summary>
public interface IPresenceTracker
{
    Task Connected(string connectionId, int userId, DateTimeOffset at, CancellationToken cancellationToken);

    Task Disconnected(string connectionId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Marks these connections as still alive; a process that stops calling this is presumed gone.</summary>
    Task Heartbeat(IReadOnlyCollection<string> connectionIds, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Human players of live sessions who connected during their stay, have no live
    /// connection now, and lost their last one before <paramref name="offlineBefore"/>.
    /// A player who never connected (a REST-only client) never lapses.
    /// </summary>
    Task<IReadOnlyList<LapsedPlayer>> FindLapsed(DateTimeOffset offlineBefore, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets connections that ended (or whose process stopped vouching for them)
    /// before <paramref name="endedBefore"/>, of users with no seat: only a seated
    /// player's connections can decide anything. Returns how many were forgotten.
    /// </summary>
    Task<int> ForgetEnded(DateTimeOffset endedBefore, CancellationToken cancellationToken);
}
