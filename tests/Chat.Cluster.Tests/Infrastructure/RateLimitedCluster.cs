namespace Chat.Cluster.Tests.Infrastructure;

/// <summary>
/// A cluster of its own whose nodes apply a small message limit (<see cref="Limit"/>),
/// for the tests of that limit; the shared cluster runs without one so that the other
/// tests may send as fast as they like.
/// </summary>
public sealed class RateLimitedCluster : IAsyncDisposable
{
    internal static readonly MessageLimit Limit = new(PerSecond: 2, Burst: 5);

    internal ChatCluster Cluster { get; } = new(Limit);

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
