using System.Text.RegularExpressions;

namespace Chat.Infrastructure.Robots.Offline;

/// <summary>A player's line, lower-cased and cut into clauses and words for the rules to match.</summary>
internal sealed partial class Utterance
{
    private static readonly string[] QuestionStarts =
        ["who", "what", "whats", "what's", "when", "where", "why", "how", "hows", "how's", "which", "do", "does", "did", "can", "could", "would", "will", "is", "are", "r", "have", "should"];

    private readonly HashSet<string> _words;
    private readonly string _padded;

    public Utterance(string text, string? speaker)
    {
        Text = text.Trim();
        Speaker = string.IsNullOrWhiteSpace(speaker) ? null : speaker.Trim();
        var lower = Text.ToLowerInvariant().Replace('\u2019', '\'');
        Clauses = [.. ClauseBreak().Split(lower).Select(Tokenize).Where(c => c.Count > 0)];
        Words = [.. Clauses.SelectMany(c => c)];
        _words = new HashSet<string>(Words, StringComparer.Ordinal);
        _padded = $" {string.Join(' ', Words)} ";
        IsQuestion = Text.Contains('?', StringComparison.Ordinal) || (Words.Count > 0 && QuestionStarts.Contains(Words[0]));
    }

    public string Text { get; }

    public string? Speaker { get; }

    /// <summary>The words of each sentence part, so a reflection never runs across a full stop.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Clauses { get; }

    public IReadOnlyList<string> Words { get; }

    public bool IsQuestion { get; }

    public bool IsEmpty => Words.Count == 0;

    public bool HasAny(IEnumerable<string> words) => words.Any(_words.Contains);

    /// <summary>Whether the words appear in this order, as whole words.</summary>
    public bool HasPhrase(string phrase) => _padded.Contains($" {phrase} ", StringComparison.Ordinal);

    public bool HasAnyPhrase(IEnumerable<string> phrases) => phrases.Any(HasPhrase);

    public bool StartsWithAny(IEnumerable<string> words) => Words.Count > 0 && words.Contains(Words[0]);

    private static List<string> Tokenize(string clause) => [.. Word().Matches(clause).Select(m => m.Value.Trim('\'')).Where(w => w.Length > 0)];

    [GeneratedRegex(@"[.!?;,:]+|\s-\s|\bbut\b")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Word();
}
