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

    /// <summary>Hub calls of one connection run one at a time; the next waits for the previous to finish.</summary>
    public const int MaxParallelInvocationsPerClient = 1;

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
