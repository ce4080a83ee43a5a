namespace Chat.Infrastructure.Robots.Offline;

/// <summary>
/// A kind of line and the replies a casual player would give to it.
/// <c>{name}</c> in a reply stands for the speaker and is skipped when the name is unknown.
/// </summary>
/// <param name="Reflects">Whether an ELIZA reflection may answer instead ("i feel sad" → "why do you feel sad?").</param>
internal sealed record Intent(string Name, Func<Utterance, bool> Matches, IReadOnlyList<string> Replies, bool Reflects = false);
