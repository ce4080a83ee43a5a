namespace Chat.Bench.Reporting;

/// <summary>How long each target was warmed up before its measurements, and whether its compiler had gone quiet.</summary>
internal static class WarmUpReport
{
    public static void Print(IReadOnlyList<string> warmUps, TextWriter output)
    {
        if (warmUps.Count == 0)
        {
            return;
        }
        output.WriteLine("Warm-up, unmeasured, until the server's JIT compiler was quiet:");
        foreach (var warmUp in warmUps)
        {
            output.WriteLine($"  {warmUp}");
        }
    }
}
