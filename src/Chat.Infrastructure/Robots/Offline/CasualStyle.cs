using System.Text.RegularExpressions;

namespace Chat.Infrastructure.Robots.Offline;

/// <summary>
/// Small, random departures from tidy text (a capital here, "u" for "you" there)
/// so that replies do not all share one recognisable voice.
/// </summary>
internal static partial class CasualStyle
{
    public static string Apply(string reply, Random random)
    {
        if (random.NextDouble() < 0.15)
        {
            reply = You().Replace(reply, m => m.Value == "you" ? "u" : "ur");
        }

        if (random.NextDouble() < 0.2)
        {
            reply = char.ToUpperInvariant(reply[0]) + reply[1..];
        }

        if (random.NextDouble() < 0.1 && !reply.EndsWith('?') && !Laugh().IsMatch(reply))
        {
            reply += " lol";
        }

        return reply;
    }

    [GeneratedRegex(@"\b(?:you|your)\b(?!')")]
    private static partial Regex You();

    [GeneratedRegex(@"\b(?:lol|haha|lmao|hehe)\b")]
    private static partial Regex Laugh();
}
