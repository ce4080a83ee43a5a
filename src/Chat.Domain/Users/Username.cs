using Chat.Domain.Common;

namespace Chat.Domain.Users;

/// <summary>The rules of a username, in one place for the entity, the validators and the database.</summary>
public static class Username
{
    public const int MaxLength = 30;

    /// <summary>Column width: 30 scalar values may take two UTF-16 units each.</summary>
    public const int MaxStoredLength = MaxLength * 2;

    /// <summary>The name system notices are sent from; nobody may register it.</summary>
    public const string Server = "Server";

    public const string RuleText = "A username is 1-30 letters or digits.";

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
        string.Equals(Names.Key(Names.Normalize(name)), Names.Key(Server), StringComparison.Ordinal);
}
