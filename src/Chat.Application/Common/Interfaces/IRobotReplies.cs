using Chat.Domain.Robots;

namespace Chat.Application.Common.Interfaces;

/// <summary>One line of a room's recent conversation as a robot reads it.</summary>
public sealed record ConversationLine(string Speaker, string Text, bool IsOwn);

/// <summary>
/// What a robot is asked to answer: who it plays (its username and, when known, the
/// persona it keeps for the game), and the recent lines, oldest first.
/// </summary>
public sealed record RobotConversation(string RobotName, IReadOnlyList<ConversationLine> Lines, RobotPersona? Persona = null);

/// <summary>Asks a robot's language model for its next line, keeping every provider failure inside.</summary>
public interface IRobotReplies
{
    /// <summary>
    /// The reply, trimmed, or null when the provider failed, timed out or answered
    /// something unusable (already logged with the session and model). Throws only
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<string?> ReplyAsync(
        int sessionId,
        string model,
        RobotConversation conversation,
        CancellationToken cancellationToken = default);
}
