using System.Globalization;
using Chat.Bench.Detect;

namespace Chat.Bench.Reporting;

/// <summary>
/// The detectability check's report: per cue, how often it named the robot against
/// chance, with a 95% Wilson interval; then how the robot and the people talked, in
/// the seconds of a game at the service's default pace, to show where a tell comes from.
/// </summary>
internal static class DetectTable
{
    public static void Print(IReadOnlyList<CueTally> tallies, IReadOnlyList<GameRecord> games, double scale, BenchOptions options, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Detectability: {games.Count} games of {SimulatedGame.People} people and a robot ({options.RobotModel}), Robot:ReplyDelay {options.RobotReplyDelay.TotalMilliseconds:0} ms, seed {options.Seed}."));
        output.WriteLine("A judgement is one player's pick in one game among the others but the host (known to be a person): chance is 1/3 for the host, 1/2 for the others.");
        output.WriteLine("A cue is a tell when its interval lies above chance; below chance, it clears a player instead.");
        TextColumns.Write(
            output,
            ["cue", "games", "judgements", "hits", "hit rate", "chance", "difference", "95% interval", "verdict"],
            tallies.Select(t => new[]
            {
                t.Cue.Name,
                Number(t.Games),
                Number(t.Judgements),
                Number(t.Hits),
                Percent(t.HitRate),
                Percent(t.ChanceRate),
                string.Create(CultureInfo.InvariantCulture, $"{(t.HitRate - t.ChanceRate) * 100:+0.0;-0.0;0.0} pts"),
                $"{Percent(t.Interval.Low)}-{Percent(t.Interval.High)}",
                Verdict(t),
            }),
            leftAligned: 1);
        output.WriteLine();
        PrintSpeakers(games, scale, output);
    }

    /// <summary>How the robot and the people spoke, from the fullest view of each game (the host's, who was there first).</summary>
    private static void PrintSpeakers(IReadOnlyList<GameRecord> games, double scale, TextWriter output)
    {
        var robot = new List<RoomLine>();
        var people = new List<RoomLine>();
        var robotDelays = new List<double>();
        var peopleDelays = new List<double>();
        foreach (var game in games)
        {
            var view = game.Views.MaxBy(v => v.Lines.Count);
            if (view is null)
            {
                continue;
            }

            foreach (var speaker in view.Lines.Select(l => l.From).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var isRobot = PlayerView.Same(speaker, game.Robot);
                (isRobot ? robot : people).AddRange(view.LinesOf(speaker));
                (isRobot ? robotDelays : peopleDelays).AddRange(view.ReplyDelaysOf(speaker).Select(d => d / scale));
            }
        }

        var humans = games.Count * SimulatedGame.People;
        TextColumns.Write(
            output,
            ["speaker", "lines per player per game", "mean length", "asking (?)", "reply delay p25 / p50 / p75 s (at the default pace)"],
            [Speaker("robot", robot, robotDelays, games.Count), Speaker("people", people, peopleDelays, humans)],
            leftAligned: 1);
    }

    private static string[] Speaker(string who, List<RoomLine> lines, List<double> delays, int speakers)
    {
        delays.Sort();
        return
        [
            who,
            string.Create(CultureInfo.InvariantCulture, $"{(speakers == 0 ? 0 : (double)lines.Count / speakers):0.0}"),
            string.Create(CultureInfo.InvariantCulture, $"{(lines.Count == 0 ? 0 : lines.Average(l => l.Text.Length)):0.0}"),
            Percent(lines.Count == 0 ? 0 : (double)lines.Count(l => l.Asks) / lines.Count),
            string.Create(CultureInfo.InvariantCulture, $"{Quantile(delays, 0.25):0.0} / {Quantile(delays, 0.5):0.0} / {Quantile(delays, 0.75):0.0}"),
        ];
    }

    private static double Quantile(List<double> sorted, double q) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, q * sorted.Count)];

    private static string Verdict(CueTally tally)
    {
        var (low, high) = tally.Interval;
        return low > tally.ChanceRate ? "TELL: above chance"
            : high < tally.ChanceRate ? "below chance"
            : "within chance";
    }

    private static string Percent(double rate) => string.Create(CultureInfo.InvariantCulture, $"{rate * 100:0.0}%");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
