namespace Chat.Cluster.Tests.Infrastructure;

/// <summary>Fresh names, so tests sharing one database never meet.</summary>
internal static class Names
{
    private static int _next;

    public static string User() => $"u{Environment.ProcessId % 1000}x{Interlocked.Increment(ref _next)}{Random.Shared.Next(1000, 9999)}";

    public static string Room() => $"room {Guid.NewGuid():N}";
}
