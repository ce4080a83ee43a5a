namespace Chat.Infrastructure.Robots.Offline;

/// <summary>
/// A kind of line and the replies a casual player would give to it.
/// <c>{name}</c> in a reply stands for the speaker and is skipped when the name is unknown.
/// </summary>
internal sealed record Intent(string Name, Func<Utterance, bool> Matches, IReadOnlyList<string> Replies);
