using Microsoft.Extensions.AI;

namespace Chat.Application.Common.Interfaces;

/// <summary>Asks a robot's language model for its next line, keeping every provider failure inside.</summary>
public interface IRobotReplies
{
    /// <summary>
    /// The reply, trimmed and fit to post as a chat message, or null when the
    /// provider failed, timed out or answered something unusable (already logged
    /// with the session and model). Throws only <see cref="OperationCanceledException"/>
    /// when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<string?> ReplyAsync(
        int sessionId,
        string model,
        IEnumerable<ChatMessage> conversation,
        CancellationToken cancellationToken = default);
}
