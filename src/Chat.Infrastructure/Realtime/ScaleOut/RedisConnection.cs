using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Chat.Infrastructure.Realtime.ScaleOut;

/// <summary>
/// The one Redis connection of this process, shared by the SignalR backplane, the
/// node control channel and the readiness check. It never refuses to start: a node
/// without Redis keeps serving its own connections and reconnects by itself, and
/// commands fail at once while Redis is away instead of waiting in a backlog
/// (a send must be acknowledged without waiting on the backplane).
/// </summary>
public sealed partial class RedisConnection : IDisposable
{
    private readonly ILogger<RedisConnection> _logger;
    private int _down;

    public RedisConnection(string configuration, ILogger<RedisConnection> logger)
    {
        _logger = logger;
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new LinearRetry(1000);

        // Connect waits for the first attempts even when they are refused: keep a node
        // that starts while Redis is away from waiting long (the defaults add up to 15 s).
        options.ConnectRetry = 1;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.ClientName ??= "chat";
        Multiplexer = ConnectionMultiplexer.Connect(options);
        Multiplexer.ConnectionFailed += (_, e) => Lost(e);
        Multiplexer.ConnectionRestored += (_, _) => Restored();
        if (!Multiplexer.IsConnected)
        {
            Interlocked.Exchange(ref _down, 1);
            Unreachable(null);
        }
    }

    public IConnectionMultiplexer Multiplexer { get; }

    public void Dispose() => Multiplexer.Dispose();

    /// <summary>Raised for each physical connection and each failed retry; logged once per outage.</summary>
    private void Lost(ConnectionFailedEventArgs e)
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            Unreachable(e.Exception);
        }
    }

    private void Restored()
    {
        if (Multiplexer.IsConnected && Interlocked.Exchange(ref _down, 0) == 1)
        {
            Reachable();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable: messages are still stored and acknowledged, but live events between nodes are paused until it is back")]
    private partial void Unreachable(Exception? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is reachable again: live events between nodes resume")]
    private partial void Reachable();
}
