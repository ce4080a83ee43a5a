using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Infrastructure.Realtime.ScaleOut;
using Chat.Application.Common.Telemetry;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Infrastructure.Realtime;

/// <summary>
/// Sends room events through SignalR groups (through the Redis backplane when one
/// is configured). A failed send is logged, not thrown: the change it reports is
/// already committed, and the client can catch up from the history. A send is not
/// waited for past its hand-over, so one stalled recipient holds up no one else; with
/// Redis, the hand-over is Redis taking the event, so what is acknowledged after it
/// reaches every node before anything said in answer. Logout and leave reach the
/// user's connections on every node through <see cref="NodeControl{THub}"/>.
/// </summary>
public sealed class SignalRBroadcaster<THub>(
    IHubContext<THub> hub,
    NodeControl<THub> nodes,
    ConnectionRegistry connections,
    DeliveryHealth delivery,
    RedisConnection? redis = null) : IChatBroadcaster
    where THub : Hub
{
    /// <summary>
    /// How long a send waits for Redis to take an event before it goes on without: a
    /// Redis that is connected but not answering must not hold the room up longer.
    /// </summary>
    public static readonly TimeSpan PublishPatience = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The last publish that outlasted <see cref="PublishPatience"/>: until Redis answers
    /// it (or the multiplexer gives up on it), later sends do not wait either, so a stuck
    /// Redis costs one second's wait, not one per message.
    /// </summary>
    private Task? _overdue;

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

    public Task GameUpdated(int sessionId, GameDto game, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(game);
        return Send(sessionId, ChatEvents.GameUpdated, game);
    }

    /// <summary>
    /// The typist's connections on this process are left out by id; with several
    /// processes, one of theirs held elsewhere hears its own signal, which a client
    /// tells by its <c>from</c>.
    /// </summary>
    public Task Typing(TypingDto typing, int sessionId, int typistId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typing);
        var others = hub.Clients.GroupExcept(ChatEvents.RoomGroup(sessionId), connections.ConnectionsOf(typistId));
        return Send(others, sessionId, ChatEvents.Typing, typing);
    }

    public Task AddToRoom(string connectionId, int sessionId, CancellationToken cancellationToken) =>
        hub.Groups.AddToGroupAsync(connectionId, ChatEvents.RoomGroup(sessionId), cancellationToken);

    public Task RemoveFromRoom(int userId, int sessionId, CancellationToken cancellationToken) =>
        nodes.RemoveFromRoom(userId, sessionId);

    public Task CloseConnectionsOf(int userId, CancellationToken cancellationToken) =>
        nodes.CloseConnectionsOf(userId);

    private Task Send(int sessionId, string eventName, object payload) =>
        Send(hub.Clients.Group(ChatEvents.RoomGroup(sessionId)), sessionId, eventName, payload);

    /// <summary>
    /// Returns once the event is handed over. On one node: written to every connection
    /// that can take it (SignalR writes them one after another before it returns). It
    /// does not wait for a recipient that has stopped reading: that one's copy waits in
    /// its own queue until it drains or is cut off (<c>TransportSendTimeout</c>), and the
    /// sender, and the room, go on meanwhile. With Redis: published, which Redis answers
    /// only after it has queued the event for every node's subscription. Waiting for that
    /// answer, not just for the event to leave this process, is what keeps a reply sent
    /// through another node, once this send is acknowledged, from reaching Redis first
    /// and being heard before what it answers. No recipient is waited for there: each
    /// node writes to its own connections as the event comes in.
    /// </summary>
    private Task Send(IClientProxy clients, int sessionId, string eventName, object payload)
    {
        Task sending;
        try
        {
            // Not the request's token: a commit that happened must be announced even
            // if the caller has gone.
            sending = clients.SendAsync(eventName, payload, CancellationToken.None);
        }
        catch (Exception ex)
        {
            delivery.Failed($"{eventName} to session {sessionId}", ex);
            return Task.CompletedTask;
        }

        if (sending.IsCompletedSuccessfully)
        {
            Delivered(eventName);
        }
        else if (redis is not null && Volatile.Read(ref _overdue) is not { IsCompleted: false })
        {
            return Published(sending, sessionId, eventName);
        }
        else
        {
            _ = Finish(sending, sessionId, eventName);
        }

        return Task.CompletedTask;
    }

    private async Task Published(Task sending, int sessionId, string eventName)
    {
        try
        {
            await sending.WaitAsync(PublishPatience);
            Delivered(eventName);
        }
        catch (TimeoutException) when (!sending.IsCompleted)
        {
            Volatile.Write(ref _overdue, sending);
            _ = Finish(sending, sessionId, eventName);
        }
        catch (Exception ex)
        {
            delivery.Failed($"{eventName} to session {sessionId}", ex);
        }
    }

    private async Task Finish(Task sending, int sessionId, string eventName)
    {
        try
        {
            await sending;
            Delivered(eventName);
        }
        catch (Exception ex)
        {
            delivery.Failed($"{eventName} to session {sessionId}", ex);
        }
    }

    private void Delivered(string eventName)
    {
        delivery.Succeeded();
        ChatTelemetry.BroadcastDeliveries.Add(1, new KeyValuePair<string, object?>("event", eventName));
    }
}
