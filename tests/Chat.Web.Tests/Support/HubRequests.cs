using System.Net;
using System.Net.WebSockets;

namespace Chat.Web.Tests.Support;

/// <summary>The two HTTP requests a hub connection starts with, sent bare so their status can be read.</summary>
public static class HubRequests
{
    /// <summary><c>POST /chat/negotiate</c> with the client's cookie and, if given, an Origin header.</summary>
    public static async Task<HttpResponseMessage> Negotiate(ChatClient client, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/chat/negotiate?negotiateVersion=1");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await client.Send(request);
    }

    /// <summary>A WebSocket upgrade of <c>/chat</c> without negotiate; returns the status the server answered (101 when accepted).</summary>
    public static async Task<HttpStatusCode> Upgrade(Uri baseAddress, CookieContainer? cookies, string? origin = null)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (cookies is not null)
        {
            socket.Options.Cookies = cookies;
        }

        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        var address = new UriBuilder(baseAddress) { Scheme = "ws", Path = "/chat" }.Uri;
        try
        {
            await socket.ConnectAsync(address, TestContext.Current.CancellationToken);
            socket.Abort();
        }
        catch (WebSocketException)
        {
            // Refused: the status is what the caller is after.
        }

        return socket.HttpStatusCode;
    }
}
