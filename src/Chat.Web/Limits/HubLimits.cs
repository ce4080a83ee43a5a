using System.Threading.RateLimiting;
using Chat.Infrastructure.Realtime.ScaleOut;
using Microsoft.Extensions.Options;

namespace Chat.Web.Limits;

/// <summary>What happens to a hub call over its method's limit.</summary>
public enum OverLimit
{
    /// <summary>The call fails with a sentence saying when to try again.</summary>
    Refuse,

    /// <summary>The call is dropped silently: it returns nothing and does nothing (for chatter such as typing notices).</summary>
    Drop,
}

/// <summary>
/// One hub method's limit: a token bucket per user, shared by all of the user's
/// connections (on every node where Redis is configured), or none.
/// </summary>
public sealed class HubMethodLimit : IDisposable
{
    private HubMethodLimit(PartitionedRateLimiter<int>? limiter, OverLimit whenOver, string describe, bool acrossNodes = false)
    {
        Limiter = limiter;
        WhenOver = whenOver;
        Description = describe;
        AcrossNodes = acrossNodes;
    }

    public static HubMethodLimit None { get; } = new(null, OverLimit.Refuse, "none");

    /// <summary>Whether the bucket is also kept in Redis: then a check may wait on a round trip.</summary>
    public bool AcrossNodes { get; }

    /// <summary>Null when the method is not limited (or its limit is switched off).</summary>
    public PartitionedRateLimiter<int>? Limiter { get; }

    public OverLimit WhenOver { get; }

    /// <summary>The limit in words, for logs and documentation.</summary>
    public string Description { get; }

    /// <summary>
    /// <paramref name="perSecond"/> calls a second per user with bursts of up to
    /// <paramref name="burst"/>; either one 0 switches the limit off. With
    /// <paramref name="acrossNodes"/> the bucket is also kept in Redis under
    /// <paramref name="method"/>, so it holds for the user's connections on every node.
    /// </summary>
    public static HubMethodLimit PerUser(string method, int perSecond, int burst, OverLimit whenOver, SharedRateLimits? acrossNodes = null)
    {
        if (perSecond <= 0 || burst <= 0)
        {
            return None;
        }

        // One token at a time, so the bucket refills evenly rather than in a lump each second.
        var nodeLocal = PartitionedRateLimiter.Create<int, int>(userId => RateLimitPartition.GetTokenBucketLimiter(userId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1.0 / perSecond),
            QueueLimit = 0,
            AutoReplenishment = false,
        }));
        return acrossNodes is null
            ? new HubMethodLimit(nodeLocal, whenOver, $"{perSecond} a second per user, bursts of {burst}")
            : new HubMethodLimit(acrossNodes.PerUser(method, perSecond, burst, nodeLocal), whenOver, $"{perSecond} a second per user across all nodes, bursts of {burst}", acrossNodes: true);
    }

    public void Dispose() => Limiter?.Dispose();
}

/// <summary>
/// Every hub method and its limit, read by <see cref="HubLimitFilter"/> on each call.
/// A hub method must be listed here (a test checks), so none is forgotten.
/// </summary>
public sealed class HubLimits : IDisposable
{
    private readonly Dictionary<string, HubMethodLimit> _methods;

    /// <param name="options">The <c>Limits</c> section.</param>
    /// <param name="acrossNodes">Registered only where Redis is configured; then the per-user buckets hold across nodes.</param>
    public HubLimits(IOptions<LimitsOptions> options, SharedRateLimits? acrossNodes = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value;
        _methods = new(StringComparer.Ordinal)
        {
            ["join"] = HubMethodLimit.None,

            // A vote changes one row of a game that lasts seconds; each is a transaction, but few are sent.
            ["vote"] = HubMethodLimit.None,

            // One a second per player, dropped silently beyond it: a rule of the room, so
            // it lives with the use case (TypingThrottle), not here.
            ["typing"] = HubMethodLimit.None,
            ["message"] = HubMethodLimit.PerUser("message", limits.MessagesPerSecond, limits.MessageBurst, OverLimit.Refuse, acrossNodes),

            // A method whose surplus should vanish rather than fail (a `typing` notice) is
            // listed the same way with a rate of its own and OverLimit.Drop.
        };
    }

    /// <summary>The hub methods this table knows.</summary>
    public IReadOnlyCollection<string> Methods => _methods.Keys;

    /// <summary>The limit of a hub method; a method not listed has none.</summary>
    public HubMethodLimit For(string method) => _methods.GetValueOrDefault(method) ?? HubMethodLimit.None;

    public void Dispose()
    {
        foreach (var limit in _methods.Values)
        {
            limit.Dispose();
        }
    }
}
