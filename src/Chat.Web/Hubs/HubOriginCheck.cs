using Chat.Web.Endpoints;
using Chat.Web.Errors;

namespace Chat.Web.Hubs;

/// <summary>
/// Refuses hub requests (negotiate and upgrade) sent by a page of another origin:
/// a cookie-authenticated WebSocket is otherwise open to cross-site hijacking.
/// Requests without an Origin header come from non-browser clients and pass.
/// </summary>
/// <remarks>
/// A middleware by convention, built once, that hands on the next one's task without
/// awaiting it: a hub connection's request lasts as long as the connection, and
/// every middleware that awaits the rest of the pipeline keeps a frame alive for that
/// long, on every connection (ADR-004).
/// </remarks>
public sealed class HubOriginCheck(RequestDelegate next, IConfiguration configuration)
{
    private readonly HashSet<string> _allowed = new(
        configuration.GetSection("Chat:AllowedOrigins").Get<string[]>() ?? [],
        StringComparer.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Path.StartsWithSegments(HubAddress.Path)
            && context.Request.Headers.Origin is { Count: > 0 } origins
            && !IsAllowed(origins.ToString(), context.Request))
        {
            return Problems.Write(context, StatusCodes.Status403Forbidden, "This origin may not connect to the chat.");
        }

        return next(context);
    }

    private bool IsAllowed(string origin, HttpRequest request)
    {
        var own = $"{request.Scheme}://{request.Host}";
        return string.Equals(origin.TrimEnd('/'), own, StringComparison.OrdinalIgnoreCase)
            || _allowed.Contains(origin.TrimEnd('/'));
    }
}
