namespace Chat.Bench.Detect;

/// <summary>
/// The cues a player might vote by without reading what was said: who answered
/// fastest, who wrote least, who came first, who never asked anything, where each
/// is listed. Each picks one of the player's others; when it cannot tell them apart
/// (nobody has spoken, everybody asked something) it picks at random, so an
/// uninformative cue scores chance rather than nothing.
/// </summary>
internal static class Cues
{
    public static IReadOnlyList<Cue> All { get; } =
    [
        new("fastest answer (lowest median delay)", (view, random) =>
            Lowest(view, random, other => Median(view.ReplyDelaysOf(other)))),
        new("shortest messages (lowest mean length)", (view, random) =>
            Lowest(view, random, other => Mean(view.LinesOf(other).Select(l => (double)l.Text.Length)))),
        new("most messages", (view, random) =>
            Lowest(view, random, other => -view.LinesOf(other).Count())),
        new("never asks a question", (view, random) =>
            AnyOf(view, random, other => !view.LinesOf(other).Any(l => l.Asks))),
        new("joined first", (view, random) =>
            Lowest(view, random, other => PlaceIn(view.JoinOrder, other))),
        new("joined last", (view, random) =>
            Lowest(view, random, other => -PlaceIn(view.JoinOrder, other))),
        new("listed first in players", (view, random) =>
            Lowest(view, random, other => PlaceIn(view.Players, other))),
        new("listed last in players", (view, random) =>
            Lowest(view, random, other => -PlaceIn(view.Players, other))),
        new("listed first in /api/lobby/users", (view, random) =>
            Lowest(view, random, other => PlaceIn(view.Users, other))),
        new("listed last in /api/lobby/users", (view, random) =>
            Lowest(view, random, other => -PlaceIn(view.Users, other))),
    ];

    /// <summary>The other with the lowest score, at random among equals; others without a score are passed over.</summary>
    private static string Lowest(PlayerView view, Random random, Func<string, double?> score)
    {
        var scored = view.Others.Select(o => (Other: o, Score: score(o))).Where(s => s.Score is not null).ToList();
        if (scored.Count == 0)
        {
            return view.Others[random.Next(view.Others.Count)];
        }

        var lowest = scored.Min(s => s.Score!.Value);
        var tied = scored.Where(s => s.Score == lowest).Select(s => s.Other).ToList();
        return tied[random.Next(tied.Count)];
    }

    /// <summary>One of the others who fits, at random; if none or all do, any of them.</summary>
    private static string AnyOf(PlayerView view, Random random, Func<string, bool> fits)
    {
        var fitting = view.Others.Where(fits).ToList();
        var pool = fitting.Count > 0 ? fitting : view.Others;
        return pool[random.Next(pool.Count)];
    }

    private static double? PlaceIn(IReadOnlyList<string> order, string player)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (PlayerView.Same(order[i], player))
            {
                return i;
            }
        }

        return null;
    }

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double? Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : list.Average();
    }
}
