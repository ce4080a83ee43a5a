using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;

namespace Chat.Application.Common;

/// <summary>
/// What a transactional command tells the rooms, held until its transaction
/// commits (<see cref="Behaviours.TransactionBehaviour{TMessage, TResponse}"/>), then
/// sent in the order it was said. One per request scope.
/// </summary>
public sealed class Announcements(IChatBroadcaster broadcaster)
{
    private readonly List<Func<IChatBroadcaster, CancellationToken, Task>> _pending = [];

    public void MessagePosted(MessageDto message) => _pending.Add((b, ct) => b.MessagePosted(message, ct));

    public void SessionUpdated(SessionDto session) => _pending.Add((b, ct) => b.SessionUpdated(session, ct));

    public void GameUpdated(int sessionId, GameDto game) => _pending.Add((b, ct) => b.GameUpdated(sessionId, game, ct));

    /// <summary>The user's connections stop hearing the room (after whatever was announced before).</summary>
    public void StopHearing(int userId, int sessionId) => _pending.Add((b, ct) => b.RemoveFromRoom(userId, sessionId, ct));

    public void CloseConnectionsOf(int userId) => _pending.Add((b, ct) => b.CloseConnectionsOf(userId, ct));

    /// <summary>Sends everything announced so far, in order, and forgets it.</summary>
    public async Task Send(CancellationToken cancellationToken)
    {
        var pending = _pending.ToArray();
        _pending.Clear();
        foreach (var announce in pending)
        {
            await announce(broadcaster, cancellationToken);
        }
    }

    /// <summary>Forgets what was announced: its transaction did not commit.</summary>
    public void Discard() => _pending.Clear();
}
