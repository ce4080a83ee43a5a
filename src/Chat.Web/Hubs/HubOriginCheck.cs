using Chat.Web.Endpoints;
using Chat.Web.Errors;

namespace Chat.Web.Hubs;

/// <summary>
/// Refuses hub requests (negotiate and upgrade) sent by a page of another origin:
/// a cookie-authenticated WebSocket is otherwise open to cross-site hijacking.
/// Requests without an Origin header come from non-browser clients and pass.
/// </summary>
public sealed class HubOriginCheck(IConfiguration configuration) : IMiddleware
{
    private readonly HashSet<string> _allowed = new(
        configuration.GetSection("Chat:AllowedOrigins").Get<string[]>() ?? [],
        StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Request.Path.StartsWithSegments(HubAddress.Path)
            && context.Request.Headers.Origin is { Count: > 0 } origins
            && !IsAllowed(origins.ToString(), context.Request))
        {
            await Problems.Write(context, StatusCodes.Status403Forbidden, "This origin may not connect to the chat.");
            return;
        }

        await next(context);
    }

    private bool IsAllowed(string origin, HttpRequest request)
    {
        var own = $"{request.Scheme}://{request.Host}";
        return string.Equals(origin.TrimEnd('/'), own, StringComparison.OrdinalIgnoreCase)
            || _allowed.Contains(origin.TrimEnd('/'));
    }
}
