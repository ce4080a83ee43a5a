using System.Text.RegularExpressions;

namespace Chat.Infrastructure.Robots.Offline;

/// <summary>
/// ELIZA's trick: take a piece of what the player said about themselves, swap
/// the pronouns, and ask about it ("i feel tired" → "why do you feel tired?").
/// Only short pieces are reflected, so the reply never parrots a whole sentence.
/// </summary>
internal static partial class Reflection
{
    /// <summary>Longer pieces read like a parrot rather than a person.</summary>
    public const int MaxFragmentWords = 5;

    private static readonly Dictionary<string, string> Swaps = new(StringComparer.Ordinal)
    {
        ["i"] = "you", ["me"] = "you", ["my"] = "your", ["mine"] = "yours", ["myself"] = "yourself",
        ["am"] = "are", ["i'm"] = "you're", ["im"] = "you're", ["i've"] = "you've", ["ive"] = "you've",
        ["i'll"] = "you'll", ["i'd"] = "you'd",
        ["you"] = "me", ["u"] = "me", ["your"] = "my", ["ur"] = "my", ["yours"] = "mine", ["yourself"] = "myself",
        ["you're"] = "i'm", ["youre"] = "i'm", ["you've"] = "i've", ["you'll"] = "i'll", ["you'd"] = "i'd",
    };

    /// <summary>After these, "you" is a subject ("you are" → "i am"), not an object ("see you" → "see me").</summary>
    private static readonly HashSet<string> SubjectVerbs = new(StringComparer.Ordinal)
    {
        "are", "were", "have", "do", "did", "can", "could", "will", "would", "should", "know", "think", "like", "want", "need", "said", "say",
    };

    private static readonly HashSet<string> NotAPossession = new(StringComparer.Ordinal)
    {
        "bad", "god", "gosh", "goodness", "own", "fault", "turn", "lord", "word", "pleasure",
    };

    private static readonly Rule[] Rules =
    [
        new(AmPattern(), ["why are you {x}?", "how come you're {x}?", "since when are you {x}?", "wait, you're {x}?", "oh you're {x}? how's that", "oh really? how come", "wait why"]),
        new(FeelPattern(), ["why do you feel {x}?", "do you often feel {x}?", "what's making you feel {x}?", "aw, why?"]),
        new(LikePattern(), ["oh nice, what do you like about {x}?", "{x}? since when?", "same!! {x} is great", "hmm never really got into {x}", "nice, good taste"]),
        new(HatePattern(), ["lol why do you hate {x}?", "fair, overrated tbh", "what's wrong with {x}?", "honestly same"]),
        new(ThinkPattern(), ["what makes you think {x}?", "hmm, maybe", "you really think {x}?", "not so sure about that"]),
        new(WantPattern(), ["why do you want {x}?", "what would you do with {x} lol", "same honestly", "go for it"]),
        new(CantPattern(), ["why can't you {x}?", "have you tried though?", "lol same, i can never {x}", "you'll get there"]),
        new(YouArePattern(), ["lol what makes you say i'm {x}?", "maybe i'm {x}, maybe not", "no u", "i've been called worse"]),
        new(AskYouPattern(), ["sometimes, do you?", "hmm kinda", "why do you ask?", "not really, you?", "depends on the day lol", "yeah, why?"]),
        new(BecausePattern(), ["is that the real reason?", "makes sense i guess", "fair enough", "oh ok that explains it"]),
    ];

    /// <summary>Replies for the first rule that matches a clause, with the piece reflected in.</summary>
    public static IReadOnlyList<string> Replies(Utterance utterance)
    {
        foreach (var clause in utterance.Clauses)
        {
            var text = string.Join(' ', clause);
            foreach (var rule in Rules)
            {
                var match = rule.Pattern.Match(text);
                var replies = match.Success ? Fill(rule.Replies, Fragment(match.Groups["x"].Value)) : [];
                if (replies.Count > 0)
                {
                    return replies;
                }
            }

            var possession = MyPattern().Match(text);
            if (possession.Success && !NotAPossession.Contains(possession.Groups["x"].Value))
            {
                var thing = possession.Groups["x"].Value;
                return [$"tell me more about your {thing}", $"what about your {thing}?", $"oh how's your {thing}?"];
            }
        }

        return [];
    }

    /// <summary>Swaps first and second person so the piece reads from the listener's side.</summary>
    internal static string Reflect(IReadOnlyList<string> words)
    {
        var reflected = new string[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var subject = i + 1 < words.Count && SubjectVerbs.Contains(words[i + 1]);
            reflected[i] = word switch
            {
                "you" or "u" when subject => "i",
                "are" when i > 0 && words[i - 1] is "you" or "u" => "am",
                "were" when i > 0 && words[i - 1] is "you" or "u" => "was",
                "was" when i > 0 && words[i - 1] is "i" => "were",
                _ => Swaps.GetValueOrDefault(word, word),
            };
        }

        return string.Join(' ', reflected);
    }

    private static string? Fragment(string raw)
    {
        var words = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is 0 or > MaxFragmentWords ? null : Reflect(words);
    }

    private static List<string> Fill(IReadOnlyList<string> replies, string? fragment) =>
        fragment is null
            ? [.. replies.Where(r => !r.Contains("{x}", StringComparison.Ordinal))]
            : [.. replies.Select(r => r.Replace("{x}", fragment, StringComparison.Ordinal))];

    private sealed record Rule(Regex Pattern, IReadOnlyList<string> Replies);

    [GeneratedRegex(@"(?:^| )(?:i am|i'm|im) (?:so |really |very |kinda |a bit )?(?<x>.+)$")]
    private static partial Regex AmPattern();

    [GeneratedRegex(@"(?:^| )i (?:feel|am feeling|'m feeling) (?:so |really |very |kinda |a bit )?(?<x>.+)$")]
    private static partial Regex FeelPattern();

    [GeneratedRegex(@"(?:^| )i (?:really )?(?:like|love|enjoy|adore) (?<x>.+)$")]
    private static partial Regex LikePattern();

    [GeneratedRegex(@"(?:^| )i (?:really )?(?:hate|dislike|can't stand|cant stand|don't like|dont like) (?<x>.+)$")]
    private static partial Regex HatePattern();

    [GeneratedRegex(@"(?:^| )i (?:think|believe|guess|bet|reckon) (?:that )?(?<x>.+)$")]
    private static partial Regex ThinkPattern();

    [GeneratedRegex(@"(?:^| )i (?:really )?(?:want|need|wish) (?:to )?(?<x>.+)$")]
    private static partial Regex WantPattern();

    [GeneratedRegex(@"(?:^| )i (?:can't|cant|cannot|can not) (?<x>.+)$")]
    private static partial Regex CantPattern();

    [GeneratedRegex(@"(?:^| )(?:you are|you're|youre|u r) (?:so |really |very |kinda |a bit )?(?<x>.+)$")]
    private static partial Regex YouArePattern();

    [GeneratedRegex(@"^(?:so |and |but )?(?:do|did|can|could|would|will|have|are|were|r) (?:you|u) (?<x>.+)$")]
    private static partial Regex AskYouPattern();

    [GeneratedRegex(@"(?:^| )(?:because|cause|cuz|bc) (?<x>.+)$")]
    private static partial Regex BecausePattern();

    [GeneratedRegex(@"(?:^| )my (?<x>[\p{L}\p{N}]+)")]
    private static partial Regex MyPattern();
}
