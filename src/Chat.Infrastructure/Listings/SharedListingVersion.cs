using System.Globalization;
using Chat.Infrastructure.Realtime.ScaleOut;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Chat.Infrastructure.Listings;

/// <summary>
/// Many processes: the counter lives in Redis, moved by whichever node commits a
/// change, before that node announces it. The stamp also carries this node's count
/// of Redis connections lost: a change committed while Redis was away could not move
/// the shared counter, so every listing cached before an outage stops being served
/// once the connection is back. While Redis is away there is no stamp, and listings
/// are read from the database.
/// </summary>
public sealed partial class SharedListingVersion : IListingVersion
{
    private static readonly RedisKey Key = "chat:listing-version";

    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<SharedListingVersion> _logger;
    private int _outages;

    public SharedListingVersion(RedisConnection connection, ILogger<SharedListingVersion> logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _redis = connection.Multiplexer;
        _logger = logger;
        _redis.ConnectionFailed += (_, _) => Interlocked.Increment(ref _outages);
        _redis.ConnectionRestored += (_, _) => Interlocked.Increment(ref _outages);
    }

    public async ValueTask<string?> Current(CancellationToken cancellationToken)
    {
        if (!_redis.IsConnected)
        {
            return null;
        }

        // Read before the listing is, so a listing is never filed under a newer stamp than its rows.
        var outages = Volatile.Read(ref _outages);
        try
        {
            var value = await _redis.GetDatabase().StringGetAsync(Key);
            return string.Create(CultureInfo.InvariantCulture, $"{outages}:{(value.IsNull ? "0" : value.ToString())}");
        }
        catch (RedisException)
        {
            return null;
        }
    }

    public async ValueTask Advance(CancellationToken cancellationToken)
    {
        try
        {
            await _redis.GetDatabase().StringIncrementAsync(Key);
        }
        catch (RedisException ex)
        {
            // The change is committed; on this node the outage count retires what was
            // cached, and the other nodes retire theirs when their connection comes back.
            Interlocked.Increment(ref _outages);
            NotAdvanced(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other nodes that the lobby listings changed; they read them from the database until Redis is back")]
    private partial void NotAdvanced(Exception error);
}
