using System.Text;
using Chat.Domain.Common;

namespace Chat.Domain.Sessions;

/// <summary>
/// A room name as people type it and the key it is found by. The rules live here
/// once: 1-100 letters, digits, spaces, '-', '_' or '.' after trimming; the stored
/// form is NFC and trimmed; the key ignores case and look-alike widths, so "Lounge"
/// and "ＬＯＵＮＧＥ" are one room.
/// </summary>
public readonly record struct RoomName
{
    public const int MaxLength = 100;

    public const int MaxStoredLength = MaxLength * 2;

    public const string RuleText = "A room name is 1-100 letters, digits, spaces, '-', '_' or '.'.";

    private RoomName(string value)
    {
        Value = value;
        Key = Names.Key(value);
    }

    /// <summary>The name as stored and shown: NFC, trimmed.</summary>
    public string Value { get; }

    /// <summary>What the room is looked up by (<see cref="ChatSession.NormalizedRoom"/>).</summary>
    public string Key { get; }

    /// <summary>
    /// The name a caller gave, cleaned, whether or not it is a valid name to host: a
    /// room is looked up by whatever was typed, and one that breaks the rules simply
    /// is not found.
    /// </summary>
    public static RoomName Of(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return new RoomName(Clean(raw));
    }

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

    public override string ToString() => Value;

    private static bool IsAllowed(Rune rune) =>
        Names.IsLetterOrDigit(rune) || rune.Value is ' ' or '-' or '_' or '.';
}
