using Chat.Domain.Messages;

namespace Chat.Application.Common.Interfaces;

/// <summary>A player's message as received, before it is checked and stored.</summary>
public sealed record MessageDraft(int SenderId, string Sender, string Room, string Text, DateTimeOffset Timestamp);

/// <summary>A stored message with the room it was posted in.</summary>
public sealed record PostedMessage(ChatMessage Message, string Room);

/// <summary>
/// Stores players' messages. The implementation may group concurrent messages
/// into one transaction (ADR-004); each call returns only once its message is
/// committed, and refuses it when the sender is not a present player of a live
/// session in that room. The token is honoured only until the message is
/// accepted: after that the call reports what happened to it, so that a stored
/// message is always announced even when its sender has hung up.
/// </summary>
public interface IMessageLog
{
    ValueTask<PostedMessage> Append(MessageDraft draft, CancellationToken cancellationToken);
}
