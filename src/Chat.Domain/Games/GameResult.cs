namespace Chat.Domain.Games;

/// <summary>
/// Who the robot was, every voter's suspect, the humans who named it, and whether it
/// was caught: more than half of the humans' votes named it (1 of 2 is not; 1 of 1 is).
/// </summary>
public sealed record GameResult(string Robot, IReadOnlyList<KeyValuePair<string, string>> Votes, IReadOnlyList<string> Correct, bool RobotCaught)
{
    public static GameResult Of(string robot, bool robotCaught, IEnumerable<Vote> votes)
    {
        var cast = votes.OrderBy(v => v.CastAt).ThenBy(v => v.Voter, StringComparer.Ordinal).ToList();
        return new GameResult(
            robot,
            [.. cast.Select(v => KeyValuePair.Create(v.Voter, v.Suspect))],
            [.. cast.Where(v => !v.ByRobot && v.NamesRobot).Select(v => v.Voter)],
            robotCaught);
    }

    public static bool Caught(IEnumerable<Vote> votes)
    {
        var human = votes.Where(v => !v.ByRobot).ToList();
        return human.Count(v => v.NamesRobot) * 2 > human.Count;
    }
}
