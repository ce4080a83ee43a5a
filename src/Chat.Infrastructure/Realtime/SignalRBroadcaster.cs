using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Common.Telemetry;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Chat.Infrastructure.Realtime;

/// <summary>
/// Sends room events through SignalR groups. A failed send is logged, not thrown:
/// the change it reports is already committed, and the client can catch up from
/// the history.
/// </summary>
public sealed partial class SignalRBroadcaster<THub>(
    IHubContext<THub> hub,
    ConnectionRegistry connections,
    ILogger<SignalRBroadcaster<THub>> logger) : IChatBroadcaster
    where THub : Hub
{
    public Task MessagePosted(MessageDto message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Send(message.SessionId, ChatEvents.Message, message);
    }

    public Task SessionUpdated(SessionDto session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Send(session.Id, ChatEvents.SessionUpdated, session);
    }

    public Task AddToRoom(string connectionId, int sessionId, CancellationToken cancellationToken) =>
        hub.Groups.AddToGroupAsync(connectionId, ChatEvents.RoomGroup(sessionId), cancellationToken);

    /// <summary>Only this process's connections: with several processes, each holds its own (ADR-008).</summary>
    public async Task RemoveFromRoom(int userId, int sessionId, CancellationToken cancellationToken)
    {
        foreach (var connectionId in connections.ConnectionsOf(userId))
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, ChatEvents.RoomGroup(sessionId), CancellationToken.None);
        }
    }

    public Task CloseConnectionsOf(int userId, CancellationToken cancellationToken)
    {
        connections.Close(userId);
        return Task.CompletedTask;
    }

    private async Task Send(int sessionId, string eventName, object payload)
    {
        try
        {
            // Not the request's token: a commit that happened must be announced even
            // if the caller has gone.
            await hub.Clients.Group(ChatEvents.RoomGroup(sessionId)).SendAsync(eventName, payload, CancellationToken.None);
            ChatTelemetry.BroadcastDeliveries.Add(1, new KeyValuePair<string, object?>("event", eventName));
        }
        catch (Exception ex)
        {
            SendFailed(eventName, sessionId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcasting {EventName} to session {SessionId} failed")]
    private partial void SendFailed(string eventName, int sessionId, Exception error);
}
