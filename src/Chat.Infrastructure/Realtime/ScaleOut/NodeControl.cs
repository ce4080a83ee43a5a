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
/// publishes the request on a control channel, and every other node acts on its
/// own. Without Redis there is no other node to tell. A request lost while Redis is
/// away is still carried out by the presence sweep (signed-out users' connections
/// are closed there) or is harmless (a leaver's connection hears the room until it
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
    private const string Close = "close";
    private const string Leave = "leave";

    private static readonly RedisChannel Channel = RedisChannel.Literal("chat:node-control");

    private readonly string _node = Guid.NewGuid().ToString("N");

    public async Task CloseConnectionsOf(int userId)
    {
        connections.Close(userId);
        await Publish($"{Close} {_node} {userId.ToString(CultureInfo.InvariantCulture)}");
    }

    public async Task RemoveFromRoom(int userId, int sessionId)
    {
        await RemoveLocal(userId, sessionId);
        await Publish(FormattableString.Invariant($"{Leave} {_node} {userId} {sessionId}"));
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (redis is not null)
        {
            // Recorded by the multiplexer even while Redis is away, and renewed on every reconnect.
            await redis.Multiplexer.GetSubscriber().SubscribeAsync(Channel, (channel, value) => _ = Received(value));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task Publish(string request)
    {
        if (redis is null)
        {
            return;
        }

        try
        {
            await redis.Multiplexer.GetSubscriber().PublishAsync(Channel, request);
            delivery.Succeeded();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            delivery.Failed("node control", ex);
        }
    }

    private async Task Received(RedisValue value)
    {
        try
        {
            var parts = ((string?)value ?? string.Empty).Split(' ');
            if (parts.Length < 3 || parts[1] == _node)
            {
                return;
            }

            var userId = int.Parse(parts[2], CultureInfo.InvariantCulture);
            switch (parts[0])
            {
                case Close:
                    connections.Close(userId);
                    break;
                case Leave when parts.Length == 4:
                    await RemoveLocal(userId, int.Parse(parts[3], CultureInfo.InvariantCulture));
                    break;
            }
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or RedisException or IOException)
        {
            RequestFailed((string?)value, ex);
        }
    }

    private async Task RemoveLocal(int userId, int sessionId)
    {
        foreach (var connectionId in connections.ConnectionsOf(userId))
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, ChatEvents.RoomGroup(sessionId), CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A node control request could not be carried out: {Request}")]
    private partial void RequestFailed(string? request, Exception error);
}
