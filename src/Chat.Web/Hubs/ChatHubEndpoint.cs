using Chat.Web.Endpoints;
using Microsoft.AspNetCore.Http.Connections;

namespace Chat.Web.Hubs;

/// <summary>
/// The hub's address and what one connection may hold on the server. A client that
/// stops reading is cut off once a send to it has waited <see cref="SendTimeout"/>,
/// instead of its backlog growing in server memory.
/// </summary>
public static class ChatHubEndpoint
{
    /// <summary>Largest hub message a client may send; the same bound as a REST body.</summary>
    public const long MaxReceiveMessageSize = WebServices.MaxRequestBodyBytes;

    /// <summary>Bytes queued towards one client before writes to it wait; past that the socket is the limit.</summary>
    public const long MaxSendBufferBytes = 64 * 1024;

    /// <summary>Bytes read from one client and not yet handled before reading from it pauses.</summary>
    public const long MaxReceiveBufferBytes = 64 * 1024;

    /// <summary>
    /// Hub calls of one connection that may be under way at once. A client that sends
    /// without waiting for each acknowledgement gets its messages committed in one
    /// batch rather than one batch each (ADR-004); they are still stored and heard in
    /// the order sent, because each call reaches the message log's queue before the
    /// connection's next call is read. Past this many, reading from the client waits.
    /// </summary>
    public const int MaxParallelInvocationsPerClient = 8;

    /// <summary>
    /// How long one send to a client may wait on its socket before the connection is
    /// closed. While it waits, broadcasts to that client's rooms wait too, so this is
    /// kept short; a client on a working network drains a frame in far less.
    /// </summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(5);

    public static HubEndpointConventionBuilder MapChatHub(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHub<ChatHub>(HubAddress.Path, o =>
        {
            o.ApplicationMaxBufferSize = MaxSendBufferBytes;
            o.TransportMaxBufferSize = MaxReceiveBufferBytes;
            o.TransportSendTimeout = SendTimeout;
        });
}
