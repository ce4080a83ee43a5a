using Chat.Domain.Messages;

namespace Chat.Application.Common.Models;

/// <summary>
/// The wire form of a message: <c>{"id", "session_id", "room", "from", "message",
/// "timestamp", "kind", "seq", "client_msg_id"}</c>.
/// </summary>
public sealed record MessageDto(
    long Id,
    int SessionId,
    string Room,
    string From,
    string Message,
    DateTimeOffset Timestamp,
    MessageKind Kind,
    long Seq,
    string? ClientMsgId);
