using System.Diagnostics;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using RedisRateLimiting;

namespace Chat.Infrastructure.Realtime.ScaleOut;

/// <summary>
/// Token buckets kept in Redis, so that a user's limit holds across every node rather
/// than once per node. Each bucket is asked only after the node's own bucket of the same
/// size has said yes (<see cref="NodeThenSharedRateLimiter"/>): a flood is refused
/// locally without touching Redis, and while Redis cannot answer the node's own bucket
/// is the limit (fail open), with one log line when that starts and one when it ends.
/// Registered only where <c>ConnectionStrings:Redis</c> is set.
/// </summary>
public sealed partial class SharedRateLimits(RedisConnection redis, ILogger<SharedRateLimits> logger)
{
    /// <summary>
    /// How long a call waits for Redis before it goes by the node's bucket alone. The
    /// answer normally takes a fraction of a millisecond; this only bounds a Redis that
    /// hangs instead of refusing.
    /// </summary>
    public static readonly TimeSpan AnswerBudget = TimeSpan.FromMilliseconds(500);

    /// <summary>After Redis failed to answer, calls go by the node's bucket alone this long before Redis is asked again.</summary>
    public static readonly TimeSpan PauseAfterFailure = TimeSpan.FromSeconds(1);

    private readonly OutageLatch _outage = new();
    private long _askAgainAt;

    /// <summary>
    /// Wraps <paramref name="nodeLocal"/> (a token bucket per user of this node) with the
    /// same bucket in Redis: <paramref name="perSecond"/> tokens a second, at most
    /// <paramref name="burst"/>, kept under a key per limit name and user.
    /// </summary>
    public PartitionedRateLimiter<int> PerUser(string name, int perSecond, int burst, PartitionedRateLimiter<int> nodeLocal)
    {
        var period = TimeSpan.FromSeconds(1.0 / perSecond);
        var shared = PartitionedRateLimiter.Create<int, string>(userId => RedisRateLimitPartition.GetTokenBucketRateLimiter(
            string.Create(CultureInfo.InvariantCulture, $"chat:{name}:{userId}"),
            _ => new RedisTokenBucketRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis.Multiplexer,
                TokenLimit = burst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = period,
            }));
        return new NodeThenSharedRateLimiter(nodeLocal, shared, this, period);
    }

    /// <summary>Whether to ask Redis at all: not while it is known to be away, so an outage costs no waiting.</summary>
    internal bool WorthAsking() =>
        redis.Multiplexer.IsConnected && Stopwatch.GetTimestamp() >= Volatile.Read(ref _askAgainAt);

    internal void Answered()
    {
        if (_outage.Recover())
        {
            SharedAgain();
        }
    }

    /// <summary>Redis did not answer (or is known to be away): the node's own bucket decides for now.</summary>
    internal void NotAnswered(Exception? error)
    {
        if (error is not null)
        {
            Volatile.Write(ref _askAgainAt, Stopwatch.GetTimestamp() + (long)(PauseAfterFailure.TotalSeconds * Stopwatch.Frequency));
        }

        if (_outage.Fail())
        {
            NodeLocalOnly(error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared message limit is unreachable in Redis: each node applies the limit on its own until Redis answers again")]
    private partial void NodeLocalOnly(Exception? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "The shared message limit answers again: the limit holds across nodes")]
    private partial void SharedAgain();
}
