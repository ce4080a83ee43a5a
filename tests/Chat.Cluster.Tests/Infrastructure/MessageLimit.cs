namespace Chat.Cluster.Tests.Infrastructure;

/// <summary>The nodes' <c>Limits:MessagesPerSecond</c> and <c>Limits:MessageBurst</c>; 0 is no limit.</summary>
internal sealed record MessageLimit(int PerSecond, int Burst)
{
    public static MessageLimit Off { get; } = new(0, 0);
}
