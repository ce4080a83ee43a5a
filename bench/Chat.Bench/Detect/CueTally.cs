namespace Chat.Bench.Detect;

/// <summary>
/// How one cue fared over a run: each judgement is one player of one game naming a
/// suspect by the cue; a hit names the robot. Chance is what a blind pick among
/// that player's others would score (1 / their number), averaged over judgements.
/// </summary>
internal sealed class CueTally(Cue cue)
{
    private readonly HashSet<GameRecord> _games = [];
    private double _chanceSum;

    public Cue Cue { get; } = cue;

    public int Games => _games.Count;

    public int Judgements { get; private set; }

    public int Hits { get; private set; }

    public double HitRate => Judgements == 0 ? 0 : (double)Hits / Judgements;

    public double ChanceRate => Judgements == 0 ? 0 : _chanceSum / Judgements;

    public (double Low, double High) Interval => WilsonInterval.Of(Hits, Judgements);

    public void Judge(GameRecord game, PlayerView view, Random random)
    {
        var suspect = Cue.Suspect(view, random);
        _games.Add(game);
        Judgements++;
        _chanceSum += 1.0 / view.Others.Count;
        if (PlayerView.Same(suspect, game.Robot))
        {
            Hits++;
        }
    }
}
