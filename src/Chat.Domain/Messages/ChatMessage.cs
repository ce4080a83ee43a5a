using Chat.Domain.Common;
using Chat.Domain.Users;

namespace Chat.Domain.Messages;

/// <summary>
/// A line said in a session, by a player or by the server. Stored exactly as sent
/// and never deleted: leaving, logging out and ending a session keep the history.
/// </summary>
public sealed class ChatMessage
{
    public const int MaxLength = 2000;

    /// <summary>Column width: 2000 scalar values may take two UTF-16 units each.</summary>
    public const int MaxStoredLength = MaxLength * 2;

    private ChatMessage()
    {
        Sender = string.Empty;
        Text = string.Empty;
    }

    /// <summary>Longest client message id: 1-64 letters, digits, '-' or '_'.</summary>
    public const int MaxClientMsgIdLength = 64;

    public const string ClientMsgIdRuleText = "client_msg_id is 1-64 letters, digits, '-' or '_'.";

    private ChatMessage(int sessionId, int? senderId, string sender, string text, DateTimeOffset timestamp, MessageKind kind)
    {
        SessionId = sessionId;
        SenderId = senderId;
        Sender = sender;
        Text = text;
        Timestamp = timestamp;
        Kind = kind;
    }

    public long Id { get; private set; }

    public int SessionId { get; private set; }

    /// <summary>
    /// The message's place in its session: 1 for the first, one more for each stored
    /// after it, in the order they were stored, whatever the number of servers. The
    /// database gives it in the transaction that stores the message, as it gives the id.
    /// </summary>
    public long Seq { get; private set; }

    /// <summary>The sender's own id for the message, which makes a resend store nothing new; null when none was given.</summary>
    public string? ClientMsgId { get; private set; }

    /// <summary>The author's user id; null for system notices.</summary>
    public int? SenderId { get; private set; }

    /// <summary>The author's name as it was when written ("Server" for notices).</summary>
    public string Sender { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset Timestamp { get; private set; }

    public MessageKind Kind { get; private set; }

    /// <summary>Returns null when the text can be posted, otherwise why not.</summary>
    public static string? TextProblem(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "A message cannot be empty.";
        }

        if (!Names.IsValidText(text))
        {
            return "A message must be valid Unicode text.";
        }

        // PostgreSQL text cannot hold U+0000: the INSERT would fail, so it is refused
        // here, the same on every provider.
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return "A message cannot contain the NUL character.";
        }

        return Names.LengthOf(text) > MaxLength ? $"A message is at most {MaxLength} characters." : null;
    }

    /// <summary>
    /// A player's message, refused when its text breaks <see cref="TextProblem"/>.
    /// Membership is checked by the caller against the stored session.
    /// </summary>
    public static ChatMessage Post(int sessionId, int senderId, string sender, string text, DateTimeOffset at)
    {
        var problem = TextProblem(text);
        if (problem is not null)
        {
            throw new DomainException(problem);
        }

        return new ChatMessage(sessionId, senderId, sender, text, at, MessageKind.Chat);
    }

    /// <summary>
    /// A player's message as the database stored it, with the id it was given. Its
    /// text was checked before it was sent to be stored, so it is not checked again.
    /// </summary>
    public static ChatMessage Stored(
        long id, int sessionId, long seq, int senderId, string sender, string text, DateTimeOffset at, string? clientMsgId = null) =>
        new(sessionId, senderId, sender, text, at, MessageKind.Chat) { Id = id, Seq = seq, ClientMsgId = clientMsgId };

    /// <summary>A system notice; it is given its <see cref="Seq"/> when it is stored.</summary>
    public static ChatMessage Notice(int sessionId, string text, DateTimeOffset at) =>
        new(sessionId, senderId: null, Username.Server, text, at, MessageKind.System);

    /// <summary>Returns null when <paramref name="clientMsgId"/> (if given) is a valid client message id, otherwise why not.</summary>
    public static string? ClientMsgIdProblem(string? clientMsgId) =>
        clientMsgId is null
        || (clientMsgId.Length is >= 1 and <= MaxClientMsgIdLength && clientMsgId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            ? null
            : ClientMsgIdRuleText;
}
