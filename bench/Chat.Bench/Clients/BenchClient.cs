using System.Diagnostics;
using System.Text.Json;
using Chat.Bench.Load;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Bench.Clients;

/// <summary>
/// One chat participant. It drives the relay and the chat service alike: both
/// take <c>join {room, username}</c> and <c>message {from, room, message}</c>
/// and broadcast a <c>message</c> event whose <c>message</c> member is the text.
/// A client of a target with several nodes knows its node, names it in what it
/// sends, and reports each delivery from another client as on its sender's node
/// or on another one.
/// </summary>
internal sealed class BenchClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly MeasurementSlot _slot;
    private readonly IDisposable _subscription;
    private readonly bool _sendsClientMsgId;
    private long _sent;

    public BenchClient(HubConnection connection, string username, string room, MeasurementSlot slot, bool sendsClientMsgId = false, int? node = null)
    {
        _connection = connection;
        _slot = slot;
        _sendsClientMsgId = sendsClientMsgId;
        Username = username;
        Room = room;
        Node = node;
        _subscription = connection.On<JsonElement>("message", OnMessage);
    }

    public string Username { get; }
    public string Room { get; }

    /// <summary>Which of the target's nodes the client is connected to; null for a target of one server.</summary>
    public int? Node { get; }

    public async Task ConnectAndJoinAsync(CancellationToken cancellationToken)
    {
        await _connection.StartAsync(cancellationToken);
        await _connection.InvokeAsync("join", new { room = Room, username = Username }, cancellationToken);
    }

    /// <summary>Completes when the server has accepted (for the chat service: stored) the message.</summary>
    public Task SendAsync(long sentAt)
    {
        var text = MessageStamp.Text(sentAt, Node);
        if (!_sendsClientMsgId)
        {
            return _connection.InvokeAsync("message", new { from = Username, room = Room, message = text });
        }

        // Unique per client for the whole run, as a real client's ids are per session.
        var clientMsgId = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Username}-{Interlocked.Increment(ref _sent)}");
        return _connection.InvokeAsync("message", new { from = Username, room = Room, message = text, client_msg_id = clientMsgId });
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await _connection.DisposeAsync();
    }

    private void OnMessage(JsonElement payload)
    {
        var receivedAt = Stopwatch.GetTimestamp();
        if (payload.TryGetProperty("kind", out var kind) && kind.ValueEquals("system"u8))
        {
            return;
        }
        if (payload.TryGetProperty("message", out var text) && MessageStamp.TryRead(text.GetString(), out var sentAt, out var senderNode))
        {
            _slot.Current?.RecordDelivery(sentAt, receivedAt, RouteFrom(payload, senderNode));
        }
    }

    /// <summary>The sender's own copy comes back on its own connection: it is neither another client on its node nor one elsewhere.</summary>
    private DeliveryRoute RouteFrom(JsonElement payload, int? senderNode)
    {
        if (senderNode is null || Node is null
            || (payload.TryGetProperty("from", out var from) && from.ValueEquals(Username)))
        {
            return DeliveryRoute.Unsplit;
        }
        return senderNode == Node ? DeliveryRoute.SameNode : DeliveryRoute.OtherNode;
    }
}
