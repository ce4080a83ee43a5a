using System.Text;
using Chat.Domain.Robots;

namespace Chat.Infrastructure.Robots.Offline;

/// <summary>
/// Chooses what the offline robot says to the last line it heard: a social
/// answer if the line is small talk, else a reflection or a topical remark,
/// else a vague dodge or reaction. Never the line itself, and not what it said
/// a moment ago.
/// </summary>
internal static class OfflineResponder
{
    private const string NamePlaceholder = "{name}";
    private const int Attempts = 8;

    /// <summary>A reply this short to a remark is a bare reaction ("same", "oh nice")...</summary>
    public const int BareReaction = 16;

    /// <summary>
    /// ...which a person follows with a second thought about this often. In the
    /// detectability check the robot's lines averaged 22 characters at 0.6 and 19.5
    /// at 0.4, against the scripted people's 20 to 21: either way one length cue
    /// leaned on it, so half way.
    /// </summary>
    public const double AfterthoughtChance = 0.5;

    public static string Reply(Utterance? heard, IReadOnlyCollection<string> ownRecentReplies, Random random, RobotPersona? persona = null)
    {
        var candidates = Usable(AboutItself(heard, persona) ?? Candidates(heard), heard?.Speaker);
        if (candidates.Count == 0)
        {
            candidates = [.. Chatter.Reactions];
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var template = candidates[random.Next(candidates.Count)];
            var reply = WithAfterthought(CasualStyle.Apply(Name(template, heard?.Speaker), random), heard, random);
            if (IsFresh(reply, heard, ownRecentReplies))
            {
                return reply;
            }
        }

        // Every pick echoed or repeated; a plain reaction that does neither always exists.
        return Chatter.Reactions.FirstOrDefault(r => IsFresh(r, heard, ownRecentReplies))
            ?? Chatter.Reactions.First(r => !IsEcho(r, heard));
    }

    /// <summary>The persona's answers to a question about the robot itself, or null when it is not one (or no persona is known).</summary>
    private static List<string>? AboutItself(Utterance? heard, RobotPersona? persona)
    {
        if (heard is null || persona is null)
        {
            return null;
        }

        var intent = PersonaTalk.Intents.FirstOrDefault(i => i.Matches(heard));
        return intent is null ? null : [.. intent.Replies.Select(r => PersonaTalk.Fill(r, persona))];
    }

    private static IReadOnlyList<string> Candidates(Utterance? heard)
    {
        if (heard is null || heard.IsEmpty)
        {
            return Chatter.Openers;
        }

        var social = SmallTalk.Intents.FirstOrDefault(i => i.Matches(heard));
        if (social is not null)
        {
            return social.Reflects ? [.. social.Replies, .. Reflection.Replies(heard)] : social.Replies;
        }

        var topic = Topics.All.FirstOrDefault(t => t.Matches(heard));
        var remarks = Reflection.Replies(heard).Concat(topic?.Replies ?? []).ToList();
        if (remarks.Count > 0)
        {
            return remarks;
        }

        return heard.IsQuestion ? Chatter.Dodges : Chatter.Reactions;
    }

    /// <summary>A bare reaction to a remark, now and then followed by a second thought, as people write.</summary>
    private static string WithAfterthought(string reply, Utterance? heard, Random random)
    {
        if (heard is null || heard.IsQuestion || reply.Length >= BareReaction || random.NextDouble() >= AfterthoughtChance)
        {
            return reply;
        }

        var afterthought = Chatter.Afterthoughts[random.Next(Chatter.Afterthoughts.Count)];
        var separator = reply.EndsWith('?') || reply.EndsWith('!') ? " " : ", ";
        return reply + separator + afterthought;
    }

    private static List<string> Usable(IReadOnlyList<string> templates, string? speaker) =>
        speaker is null
            ? [.. templates.Where(t => !t.Contains(NamePlaceholder, StringComparison.Ordinal))]
            : [.. templates];

    private static string Name(string template, string? speaker) =>
        speaker is null ? template : template.Replace(NamePlaceholder, speaker, StringComparison.Ordinal);

    private static bool IsFresh(string reply, Utterance? heard, IReadOnlyCollection<string> ownRecentReplies) =>
        !IsEcho(reply, heard) && !ownRecentReplies.Any(r => Comparable(r) == Comparable(reply));

    /// <summary>The same words as the line heard, or the whole of a longer line repeated back.</summary>
    private static bool IsEcho(string reply, Utterance? heard)
    {
        if (heard is null)
        {
            return false;
        }

        var said = Comparable(heard.Text);
        var answer = Comparable(reply);
        return answer == said || (said.Length >= 12 && answer.Contains(said, StringComparison.Ordinal));
    }

    /// <summary>Lower-case letters and digits, single-spaced: "Hey!!" and "hey" say the same.</summary>
    private static string Comparable(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(c);
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }
}
