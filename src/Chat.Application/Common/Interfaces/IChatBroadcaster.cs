using Chat.Application.Common.Models;

namespace Chat.Application.Common.Interfaces;

/// <summary>
/// Pushes real-time events to the connections that joined a room. Called only
/// after the change it reports is committed, so a client never sees a message
/// that could still be rolled back.
/// </summary>
public interface IChatBroadcaster
{
    Task MessagePosted(MessageDto message, CancellationToken cancellationToken);

    Task SessionUpdated(SessionDto session, CancellationToken cancellationToken);

    /// <summary>The room's game changed phase or counted a vote.</summary>
    Task GameUpdated(int sessionId, GameDto game, CancellationToken cancellationToken);
    /// <summary>
    /// Tells a room that a player is typing: every connection of the room hears it
    /// but the typist's own. Nothing is stored, so nothing waits for a commit.
    /// </summary>
    Task Typing(TypingDto typing, int sessionId, int typistId, CancellationToken cancellationToken);

    /// <summary>Lets this connection receive the room's broadcasts.</summary>
    Task AddToRoom(string connectionId, int sessionId, CancellationToken cancellationToken);

    /// <summary>Stops a user's connections receiving the broadcasts of a room whose session they left.</summary>
    Task RemoveFromRoom(int userId, int sessionId, CancellationToken cancellationToken);

    /// <summary>Closes every real-time connection of a user who signed out.</summary>
    Task CloseConnectionsOf(int userId, CancellationToken cancellationToken);
}
