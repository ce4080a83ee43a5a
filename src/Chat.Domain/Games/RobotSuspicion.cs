namespace Chat.Domain.Games;

/// <summary>A line of the conversation as the robot read it.</summary>
public sealed record HeardLine(string Sender, string Text);

/// <summary>
/// Whom a robot names when it votes: a human, as a suspicious player would pick one.
/// Whoever accused the robot draws suspicion back; so does a player who writes like
/// a machine (long, tidy, formal sentences, lists, stock phrases); someone silent is
/// suspicious too. The pick is weighted, not fixed, so the robot does not always vote
/// the same way, and never tells itself apart by its ballot.
/// </summary>
public static class RobotSuspicion
{
    private static readonly string[] AccusingWords = ["bot", "robot", "ai", "machine", "fake", "sus", "suspicious", "gpt"];

    private static readonly string[] StockPhrases =
    [
        "as an ai", "certainly", "i understand", "great question", "however", "additionally", "furthermore",
        "in conclusion", "i'm happy to", "i am happy to", "feel free", "absolutely", "delve",
    ];

    /// <summary>Picks one of <paramref name="humans"/>; null only when there is none.</summary>
    public static string? Choose(string robot, IReadOnlyList<string> humans, IReadOnlyList<HeardLine> conversation, Random random)
    {
        ArgumentNullException.ThrowIfNull(humans);
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(random);
        if (humans.Count == 0)
        {
            return null;
        }

        var weights = humans.Select(h => Suspicion(robot, h, conversation) + random.NextDouble()).ToArray();
        var total = weights.Sum();
        var roll = random.NextDouble() * total;
        for (var i = 0; i < humans.Count; i++)
        {
            roll -= weights[i];
            if (roll <= 0)
            {
                return humans[i];
            }
        }

        return humans[^1];
    }

    /// <summary>How suspicious <paramref name="human"/> looks to the robot; 0 for nothing at all.</summary>
    public static double Suspicion(string robot, string human, IReadOnlyList<HeardLine> conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var own = conversation.Where(l => string.Equals(l.Sender, human, StringComparison.OrdinalIgnoreCase)).Select(l => l.Text).ToList();
        if (own.Count == 0)
        {
            return 1.0;
        }

        var score = 0.0;
        if (own.Any(text => Accuses(text, robot)))
        {
            score += 3.0;
        }

        score += own.Average(BotLikeness);
        return score;
    }

    /// <summary>Between 0 and about 3: how much a line reads like a machine wrote it.</summary>
    public static double BotLikeness(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var lower = trimmed.ToLowerInvariant();
        var score = 0.0;
        var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words > 25)
        {
            score += 1.0;
        }

        if (trimmed.Length > 1 && char.IsUpper(trimmed[0]) && trimmed[^1] is '.' or '!' or '?')
        {
            score += 0.5;
        }

        if (trimmed.Contains("\n-", StringComparison.Ordinal) || trimmed.Contains("1.", StringComparison.Ordinal) || trimmed.Contains(';', StringComparison.Ordinal))
        {
            score += 0.5;
        }

        if (StockPhrases.Any(p => lower.Contains(p, StringComparison.Ordinal)))
        {
            score += 1.0;
        }

        return score;
    }

    private static bool Accuses(string text, string robot)
    {
        var lower = text.ToLowerInvariant();
        var words = lower.Split([' ', ',', '.', '!', '?', ':', ';', '\'', '"'], StringSplitOptions.RemoveEmptyEntries);
        var namesRobot = words.Contains(robot.ToLowerInvariant()) || words.Contains("you");
        return namesRobot && words.Any(w => AccusingWords.Contains(w));
    }
}
