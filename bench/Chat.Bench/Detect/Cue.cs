namespace Chat.Bench.Detect;

/// <summary>A shallow reason a player might give for a vote: it names one of the others, ties broken at random.</summary>
internal sealed record Cue(string Name, Func<PlayerView, Random, string> Suspect);
