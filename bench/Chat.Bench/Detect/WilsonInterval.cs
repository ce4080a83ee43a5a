namespace Chat.Bench.Detect;

/// <summary>
/// The Wilson score interval of a proportion: unlike the plain normal one, it
/// stays within 0 and 1 and keeps its coverage for rates near either end and
/// for the few dozen trials a run of games gives.
/// </summary>
internal static class WilsonInterval
{
    /// <summary>The normal quantile of a two-sided 95% interval.</summary>
    public const double Z95 = 1.959964;

    public static (double Low, double High) Of(int hits, int trials, double z = Z95)
    {
        if (trials <= 0)
        {
            return (0, 1);
        }

        var rate = (double)hits / trials;
        var zSquared = z * z;
        var denominator = 1 + (zSquared / trials);
        var centre = (rate + (zSquared / (2 * trials))) / denominator;
        var half = z * Math.Sqrt((rate * (1 - rate) / trials) + (zSquared / (4.0 * trials * trials))) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
