using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Chat.Infrastructure.Realtime.ScaleOut;

/// <summary>
/// A user's call passes when this node's bucket and the shared bucket in Redis both
/// have a token. The node's bucket is asked first, in memory: every node's bucket sees
/// a subset of the calls the shared one sees, so a call it refuses the shared one would
/// refuse too, and a flood costs Redis nothing past the burst. A call the node allows
/// costs one Redis round trip (one script). When Redis cannot answer within
/// <see cref="SharedRateLimits.AnswerBudget"/>, the node's answer stands: the limit is
/// per node for the outage rather than refusing or holding up every send.
/// </summary>
internal sealed class NodeThenSharedRateLimiter(
    PartitionedRateLimiter<int> nodeLocal,
    PartitionedRateLimiter<int> shared,
    SharedRateLimits health,
    TimeSpan replenishmentPeriod) : PartitionedRateLimiter<int>
{
    public override RateLimiterStatistics? GetStatistics(int resource) => nodeLocal.GetStatistics(resource);

    /// <summary>The shared bucket needs a round trip, which a synchronous call cannot wait for without blocking a thread.</summary>
    protected override RateLimitLease AttemptAcquireCore(int resource, int permitCount) =>
        throw new NotSupportedException("The shared limit is asked over the network: use AcquireAsync.");

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int resource, int permitCount, CancellationToken cancellationToken)
    {
        var local = nodeLocal.AttemptAcquire(resource, permitCount);
        if (!local.IsAcquired)
        {
            return local;
        }

        if (!health.WorthAsking())
        {
            health.NotAnswered(null);
            return local;
        }

        try
        {
            using var lease = await shared.AcquireAsync(resource, permitCount, cancellationToken).AsTask()
                .WaitAsync(SharedRateLimits.AnswerBudget, cancellationToken);
            health.Answered();
            if (lease.IsAcquired)
            {
                return local;
            }

            local.Dispose();

            // The library reports the wait in whole seconds; the next token comes within one period.
            return new RefusedLease(replenishmentPeriod);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            health.NotAnswered(ex);
            return local;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            shared.Dispose();
            nodeLocal.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await shared.DisposeAsync();
        await nodeLocal.DisposeAsync();
        await base.DisposeAsyncCore();
    }

    private sealed class RefusedLease(TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
