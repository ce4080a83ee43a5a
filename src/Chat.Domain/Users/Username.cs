using Chat.Domain.Common;

namespace Chat.Domain.Users;

/// <summary>
/// A username and the key it is unique by. The rules live here once, for the
/// entity, the validators and the database: 1-30 letters or digits, NFC; unique
/// ignoring case and look-alike widths; "Server" reserved in any case.
/// </summary>
public readonly record struct Username
{
    public const int MaxLength = 30;

    /// <summary>Column width: 30 scalar values may take two UTF-16 units each.</summary>
    public const int MaxStoredLength = MaxLength * 2;

    /// <summary>The name system notices are sent from; nobody may register it.</summary>
    public const string Server = "Server";

    public const string RuleText = "A username is 1-30 letters or digits.";

    private Username(string value)
    {
        Value = value;
        Key = Names.Key(value);
    }

    /// <summary>The name as stored and shown: NFC.</summary>
    public string Value { get; }

    /// <summary>What uniqueness is decided by (<see cref="User.NormalizedUsername"/>).</summary>
    public string Key { get; }

    /// <summary>A name as a caller gave it, normalised, without judging it (for look-ups and comparisons).</summary>
    public static Username Of(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return new Username(Names.Normalize(raw));
    }

    /// <summary>A name that keeps every rule; otherwise a <see cref="DomainException"/> saying which.</summary>
    public static Username Parse(string raw) =>
        Problem(raw) is { } problem ? throw new DomainException(problem) : Of(raw);

    /// <summary>Returns null when the name is acceptable, otherwise why it is not.</summary>
    public static string? Problem(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "A username is required.";
        }

        var name = Names.Normalize(raw);
        var length = Names.LengthOf(name);
        // The key's length is checked too: compatibility normalisation can expand one letter many-fold.
        if (length is < 1 or > MaxLength || !Names.All(name, Names.IsLetterOrDigit) || Names.Key(name).Length > MaxStoredLength)
        {
            return RuleText;
        }

        return IsReserved(name) ? $"The name '{name}' is reserved." : null;
    }

    public static bool IsReserved(string name) =>
        string.Equals(Of(name).Key, Names.Key(Server), StringComparison.Ordinal);

    /// <summary>Whether <paramref name="raw"/> is exactly <paramref name="name"/> after NFC, as hub calls compare a caller's name.</summary>
    public static bool IsExactly(string raw, string name) => string.Equals(Names.Normalize(raw), name, StringComparison.Ordinal);

    public override string ToString() => Value;
}
