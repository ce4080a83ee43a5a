using System.Text.Json;

namespace Chat.Web.Tests.Presence.Support;

/// <summary>Reads <c>GET /api/lobby/sessions</c>, which needs no sign-in.</summary>
public static class Lobby
{
    /// <summary>The listed session of that room, pending or active, or null when it is not listed.</summary>
    public static async Task<JsonElement?> Session(PresenceApp app, string room)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var http = new HttpClient();
        using var document = JsonDocument.Parse(
            await http.GetStringAsync(new Uri(app.BaseAddress, "/api/lobby/sessions"), TestContext.Current.CancellationToken));
        var lists = document.RootElement;
        return lists.GetProperty("pending_sessions").EnumerateArray()
            .Concat(lists.GetProperty("active_sessions").EnumerateArray())
            .Where(s => s.GetProperty("room").GetString() == room)
            .Select(s => (JsonElement?)s.Clone())
            .SingleOrDefault();
    }

    public static string Host(this JsonElement session) => session.GetProperty("host").GetString()!;

    public static string[] Players(this JsonElement session) =>
        [.. session.GetProperty("players").EnumerateArray().Select(p => p.GetString()!)];
}
