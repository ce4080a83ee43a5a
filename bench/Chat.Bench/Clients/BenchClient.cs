using System.Diagnostics;
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
    private const string SystemKind = "system";

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
        _subscription = connection.On<MessageEvent>("message", OnMessage);
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
            return _connection.InvokeAsync<Acknowledgement?>("message", new { from = Username, room = Room, message = text });
        }

        // Unique per client for the whole run, as a real client's ids are per session.
        var clientMsgId = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Username}-{Interlocked.Increment(ref _sent)}");
        return _connection.InvokeAsync<Acknowledgement?>("message", new { from = Username, room = Room, message = text, client_msg_id = clientMsgId });
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await _connection.DisposeAsync();
    }

    private void OnMessage(MessageEvent payload)
    {
        var receivedAt = Stopwatch.GetTimestamp();
        if (payload.Kind == SystemKind)
        {
            return;
        }
        if (MessageStamp.TryRead(payload.Message, out var sentAt, out var senderNode))
        {
            _slot.Current?.RecordDelivery(sentAt, receivedAt, RouteFrom(payload, senderNode));
        }
    }

    /// <summary>The sender's own copy comes back on its own connection: it is neither another client on its node nor one elsewhere.</summary>
    private DeliveryRoute RouteFrom(MessageEvent payload, int? senderNode)
    {
        if (senderNode is null || Node is null || payload.From == Username)
        {
            return DeliveryRoute.Unsplit;
        }
        return senderNode == Node ? DeliveryRoute.SameNode : DeliveryRoute.OtherNode;
    }

    /// <summary>
    /// The members of a <c>message</c> event the bench reads; the others are skipped as
    /// they are parsed. A client that took the whole event as a JSON document would pay
    /// more for the service's richer event than for the relay's three members, and the
    /// bench's clients share the machine with the server they measure.
    /// </summary>
    private sealed record MessageEvent(string? Kind, string? From, string? Message);

    /// <summary>
    /// The invocation's result, read as an object without members: the service answers a
    /// message with the stored message, the relay with nothing, and neither is used here.
    /// Untyped, the result would be copied into a JSON document of its own.
    /// </summary>
    private sealed record Acknowledgement;
}
