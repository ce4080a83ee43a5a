using System.Text.Json;

namespace Chat.Bench.Detect;

/// <summary>One message of a room as a player sees it: a person's or robot's line, or a notice from the server.</summary>
internal sealed record RoomLine(long Seq, string From, string Text, DateTimeOffset At, bool IsNotice)
{
    private const string JoinedSuffix = " has joined the room.";
    private const string RevealPrefix = "The robot was ";

    public static RoomLine Read(JsonElement message) => new(
        message.GetProperty("seq").GetInt64(),
        message.GetProperty("from").GetString() ?? "",
        message.GetProperty("message").GetString() ?? "",
        message.GetProperty("timestamp").GetDateTimeOffset(),
        message.TryGetProperty("kind", out var kind) && kind.ValueEquals("system"u8));

    /// <summary>Who arrived, when this is a "&lt;name&gt; has joined the room." notice.</summary>
    public string? Joined => IsNotice && Text.EndsWith(JoinedSuffix, StringComparison.Ordinal) ? Text[..^JoinedSuffix.Length] : null;

    /// <summary>Who the robot was, when this is the reveal.</summary>
    public string? Revealed => IsNotice && Text.StartsWith(RevealPrefix, StringComparison.Ordinal) ? Text[RevealPrefix.Length..].TrimEnd('.') : null;

    public bool Asks => SmallTalkLines.Asks(Text);
}
