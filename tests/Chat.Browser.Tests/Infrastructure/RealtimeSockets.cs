using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Chat.Browser.Tests.Infrastructure;

/// <summary>
/// Passes a page's hub WebSockets through Playwright so a test can cut them. Chromium's
/// offline mode leaves an open WebSocket standing; a real outage sooner or later breaks
/// it, and this is how a test makes that happen now.
/// </summary>
internal sealed partial class RealtimeSockets
{
    private readonly List<(IWebSocketRoute Page, IWebSocketRoute Server)> open = [];

    private RealtimeSockets()
    {
    }

    /// <summary>Must run before the page connects to the hub, that is before it enters a room.</summary>
    public static async Task<RealtimeSockets> InterceptAsync(IPage page)
    {
        var sockets = new RealtimeSockets();
        await page.RouteWebSocketAsync(HubSocket(), route =>
        {
            var server = route.ConnectToServer();
            lock (sockets.open)
            {
                sockets.open.Add((route, server));
            }
        });
        return sockets;
    }

    /// <summary>Breaks every hub connection the page has, on both ends, as a network failure would.</summary>
    public async Task DropAllAsync()
    {
        (IWebSocketRoute Page, IWebSocketRoute Server)[] dropping;
        lock (open)
        {
            dropping = [.. open];
            open.Clear();
        }

        foreach (var (page, server) in dropping)
        {
            await server.CloseAsync(new() { Code = 1001, Reason = "network lost" });
            await page.CloseAsync(new() { Code = 1001, Reason = "network lost" });
        }
    }

    [GeneratedRegex(@"/chat(\?|$)")]
    private static partial Regex HubSocket();
}
