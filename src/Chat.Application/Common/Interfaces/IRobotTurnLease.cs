namespace Chat.Application.Common.Interfaces;

/// <summary>
/// Who may take a session's robot turn right now, shared by every server: a lease
/// that one server holds while its turn reads the room, asks the model and posts,
/// and that lapses by itself if that server dies mid-turn (ADR-014).
/// </summary>
public interface IRobotTurnLease
{
    /// <summary>Takes the session's turn until <paramref name="until"/>, unless another server holds it; true when taken.</summary>
    Task<bool> TryTake(int sessionId, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Gives the turn back (only if this server still holds it).</summary>
    Task Release(int sessionId, CancellationToken cancellationToken);
}
