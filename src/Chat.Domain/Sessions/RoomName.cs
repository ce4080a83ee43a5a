using System.Text;
using Chat.Domain.Common;

namespace Chat.Domain.Sessions;

/// <summary>The rules of a room name: 1-100 letters, digits, spaces, '-', '_' or '.' after trimming.</summary>
public static class RoomName
{
    public const int MaxLength = 100;

    public const int MaxStoredLength = MaxLength * 2;

    public const string RuleText = "A room name is 1-100 letters, digits, spaces, '-', '_' or '.'.";

    /// <summary>The stored form of a room name: NFC, trimmed.</summary>
    public static string Clean(string raw) => Names.Normalize(raw).Trim();

    public static string? Problem(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "A room name is required.";
        }

        var room = Clean(raw);
        var length = Names.LengthOf(room);
        // The key's length is checked too: compatibility normalisation can expand one letter many-fold.
        return length is < 1 or > MaxLength || !Names.All(room, IsAllowed) || Names.Key(room).Length > MaxStoredLength
            ? RuleText
            : null;
    }

    private static bool IsAllowed(Rune rune) =>
        Names.IsLetterOrDigit(rune) || rune.Value is ' ' or '-' or '_' or '.';
}
