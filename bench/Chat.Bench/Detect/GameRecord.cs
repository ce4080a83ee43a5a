namespace Chat.Bench.Detect;

/// <summary>One finished game: who the robot was, and what each person had seen when the vote opened.</summary>
internal sealed record GameRecord(string Robot, IReadOnlyList<PlayerView> Views);
