using Chat.Domain.Messages;
using Chat.Domain.Sessions;

namespace Chat.Application.Common.Interfaces;

/// <summary>
/// A message as said, its text already checked, before it is stored. With a
/// <see cref="ClientMsgId"/>, the sender's resend of it stores nothing new.
/// </summary>
public sealed record MessageDraft(int SenderId, string Sender, RoomName Room, string Text, DateTimeOffset Timestamp, string? ClientMsgId = null);

/// <summary>A stored message with the room it was posted in.</summary>
public sealed record PostedMessage(ChatMessage Message, string Room);

/// <summary>Why the log did not store a draft; <see cref="Messages.Common.MessageRefusals"/> says it to the sender.</summary>
public enum MessageRefusal
{
    /// <summary>No session has that room name.</summary>
    NoSuchRoom,

    /// <summary>The session has ended.</summary>
    SessionEnded,

    /// <summary>The sender holds no seat in the session.</summary>
    NotAPlayer,
}

/// <summary>
/// What became of a draft: <see cref="Posted"/>, or <see cref="Refusal"/> with the
/// room's name as stored (as typed, when there is no such room). A resend of a
/// client id the sender already used is posted as the message stored the first
/// time, with <see cref="IsResend"/>: nothing new was stored, nothing is to be told.
/// </summary>
public sealed record MessageOutcome(PostedMessage? Posted, MessageRefusal Refusal, string Room, bool IsResend = false)
{
    public static MessageOutcome Stored(PostedMessage posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        return new(posted, default, posted.Room);
    }

    public static MessageOutcome Resent(PostedMessage original)
    {
        ArgumentNullException.ThrowIfNull(original);
        return new(original, default, original.Room, IsResend: true);
    }

    public static MessageOutcome Refused(MessageRefusal refusal, string room) => new(null, refusal, room);
}

/// <summary>
/// Stores messages. The implementation may group concurrent messages into one
/// transaction (ADR-004); each call returns only once its message is committed,
/// or refused because the sender is not a present player of a live session in
/// that room. The token is honoured only until the message is accepted: after
/// that the call reports what happened to it, so that a stored message is always
/// announced even when its sender has hung up.
/// </summary>
public interface IMessageLog
{
    ValueTask<MessageOutcome> Append(MessageDraft draft, CancellationToken cancellationToken);
}
