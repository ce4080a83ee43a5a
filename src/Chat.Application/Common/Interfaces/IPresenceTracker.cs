namespace Chat.Application.Common.Interfaces;

/// <summary>
/// A human player's seat in a live session, with no connection that is open and
/// still vouched for. <see cref="LastGone"/> is when their last connection closed
/// or was last vouched for; null when they never connected.
/// </summary>
public sealed record AbsentSeat(int UserId, int SessionId, DateTimeOffset JoinedAt, DateTimeOffset? LastGone);

/// <summary>
/// Who is connected, kept where every server process sees it (the first
/// implementation uses the database), so that no rule depends on what only one
/// process knows. It records and reports; the rules that read it are
/// Application's (<see cref="Presence.FindLapsedPlayers.FindLapsedPlayers"/>).
/// </summary>
public interface IPresenceTracker
{
    Task Connected(string connectionId, int userId, DateTimeOffset at, CancellationToken cancellationToken);

    Task Disconnected(string connectionId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Marks these connections as still alive.</summary>
    Task Heartbeat(IReadOnlyCollection<string> connectionIds, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Seats of human players of live sessions that have no open connection vouched
    /// for at or after <paramref name="vouchedSince"/>.
    /// </summary>
    Task<IReadOnlyList<AbsentSeat>> AbsentSeats(DateTimeOffset vouchedSince, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets connections that ended (or were last vouched for) before
    /// <paramref name="endedBefore"/>, of users with no seat. Returns how many.
    /// </summary>
    Task<int> ForgetEnded(DateTimeOffset endedBefore, CancellationToken cancellationToken);
}
