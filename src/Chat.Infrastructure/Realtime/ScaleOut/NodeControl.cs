using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Chat.Infrastructure.Realtime.ScaleOut;

/// <summary>
/// What one node asks of the connections every node holds: close a user's
/// connections (logout) or take them out of a room (leave). The node that made the
/// change acts on its own connections at once; with Redis configured it also
/// publishes the request on a control channel, every other node acts on its own
/// connections and answers, and the request returns once all have answered (or
/// after <see cref="AnswerTimeout"/>). So when a leave returns, no node will hand the
/// leaver's connections anything more of the room, whatever is sent next.
/// Without Redis there is no other node to tell. A request lost while Redis is away
/// is still carried out by the presence sweep (signed-out users' connections are
/// closed there) or is harmless (a leaver's connection hears the room until it
/// reconnects).
/// </summary>
public sealed partial class NodeControl<THub>(
    IHubContext<THub> hub,
    ConnectionRegistry connections,
    DeliveryHealth delivery,
    ILogger<NodeControl<THub>> logger,
    RedisConnection? redis = null) : IHostedService
    where THub : Hub
{
    /// <summary>How long a request waits for the other nodes; a node that does not answer by then is gone or stuck.</summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(1);

    private const string Close = "close";
    private const string Leave = "leave";

    private static readonly RedisChannel Requests = RedisChannel.Literal("chat:node-control");

    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<string, Pending> _pending = new();

    private RedisChannel Answers => RedisChannel.Literal($"chat:node-control:{_node}");

    public async Task CloseConnectionsOf(int userId)
    {
        connections.Close(userId);
        await Ask(Close, userId.ToString(CultureInfo.InvariantCulture));
    }

    public async Task RemoveFromRoom(int userId, int sessionId)
    {
        await RemoveLocal(userId, sessionId);
        await Ask(Leave, FormattableString.Invariant($"{userId} {sessionId}"));
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (redis is null)
        {
            return;
        }

        // The multiplexer records a subscription before it tries to send it, and renews
        // every recorded one when it (re)connects: a node started while Redis is away
        // serves alone meanwhile and listens as soon as Redis is there.
        var subscriber = redis.Multiplexer.GetSubscriber();
        try
        {
            await subscriber.SubscribeAsync(Requests, (channel, value) => _ = Received(value));
        }
        catch (RedisException)
        {
            SubscribeLater();
        }

        try
        {
            await subscriber.SubscribeAsync(Answers, (channel, value) => Answered(value));
        }
        catch (RedisException)
        {
            // Logged once above; renewed with the other on reconnect.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Publishes "what origin request-id arguments" and waits for every other subscribed node to answer.</summary>
    private async Task Ask(string what, string arguments)
    {
        if (redis is null)
        {
            return;
        }

        var id = Guid.NewGuid().ToString("N");
        var pending = new Pending();
        _pending[id] = pending;
        try
        {
            var receivers = await redis.Multiplexer.GetSubscriber().PublishAsync(Requests, $"{what} {_node} {id} {arguments}");
            delivery.Succeeded();

            // Every node is subscribed, this one included.
            if (pending.Expect((int)receivers - 1))
            {
                await pending.AllAnswered.WaitAsync(AnswerTimeout);
            }
        }
        catch (Exception ex) when (ex is RedisException or ObjectDisposedException)
        {
            delivery.Failed("node control", ex);
        }
        catch (TimeoutException)
        {
            Unanswered(what);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task Received(RedisValue value)
    {
        var parts = ((string?)value ?? string.Empty).Split(' ');
        try
        {
            if (parts.Length < 4 || parts[1] == _node)
            {
                return;
            }

            var userId = int.Parse(parts[3], CultureInfo.InvariantCulture);
            switch (parts[0])
            {
                case Close:
                    connections.Close(userId);
                    break;
                case Leave when parts.Length == 5:
                    await RemoveLocal(userId, int.Parse(parts[4], CultureInfo.InvariantCulture));
                    break;
            }

            await redis!.Multiplexer.GetSubscriber().PublishAsync(RedisChannel.Literal($"chat:node-control:{parts[1]}"), parts[2]);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or RedisException or IOException or ObjectDisposedException)
        {
            RequestFailed((string?)value, ex);
        }
    }

    private void Answered(RedisValue value)
    {
        if ((string?)value is { } id && _pending.TryGetValue(id, out var pending))
        {
            pending.Answer();
        }
    }

    private async Task RemoveLocal(int userId, int sessionId)
    {
        foreach (var connectionId in connections.ConnectionsOf(userId))
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, ChatEvents.RoomGroup(sessionId), CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is not reachable yet: node control listens once it is")]
    private partial void SubscribeLater();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A node control request could not be carried out: {Request}")]
    private partial void RequestFailed(string? request, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Not every node answered a {What} request in time; a node may have gone")]
    private partial void Unanswered(string what);

    /// <summary>Answers may arrive before the publish has said how many to expect.</summary>
    private sealed class Pending
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _answers;
        private int _expected = int.MaxValue;

        public Task AllAnswered => _all.Task;

        /// <summary>False when nothing is left to wait for.</summary>
        public bool Expect(int count)
        {
            Volatile.Write(ref _expected, count);
            if (Volatile.Read(ref _answers) >= count)
            {
                _all.TrySetResult();
            }

            return !_all.Task.IsCompleted;
        }

        public void Answer()
        {
            if (Interlocked.Increment(ref _answers) >= Volatile.Read(ref _expected))
            {
                _all.TrySetResult();
            }
        }
    }
}
