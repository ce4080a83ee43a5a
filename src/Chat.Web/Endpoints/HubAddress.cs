namespace Chat.Web.Endpoints;

/// <summary>The real-time address a client should connect to, as the seed's <c>ws</c> member gives it.</summary>
public static class HubAddress
{
    public const string Path = "/chat";

    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scheme = request.IsHttps ? "wss" : "ws";
        return $"{scheme}://{request.Host}{request.PathBase}{Path}";
    }
}
