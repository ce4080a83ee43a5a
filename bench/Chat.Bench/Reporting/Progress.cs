namespace Chat.Bench.Reporting;

/// <summary>Progress goes to stderr so that stdout holds only the results table.</summary>
internal static class Progress
{
    public static void Say(string line) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");
}
