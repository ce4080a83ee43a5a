using System.Text.Json;

namespace Chat.Web.Tests.Support;

/// <summary>Reads <c>GET /api/lobby/sessions</c> and <c>GET /api/lobby/users</c>, which need no sign-in.</summary>
public static class Sessions
{
    public const string Path = "/api/lobby/sessions";

    public const string UsersPath = "/api/lobby/users";

    public static async Task<JsonElement> List(ChatApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return await Wire.Ok(await app.Anonymous().Get(Path));
    }

    /// <summary>The listed session of that room, pending or active; fails when it is not listed.</summary>
    public static async Task<JsonElement> Find(ChatApp app, string room) =>
        await TryFind(app, room) ?? throw new Xunit.Sdk.XunitException($"The session '{room}' is not listed.");

    public static async Task<JsonElement?> TryFind(ChatApp app, string room)
    {
        var list = await List(app);
        var all = list.GetProperty("pending_sessions").Items().Concat(list.GetProperty("active_sessions").Items());
        return all.Where(s => s.Str("room") == room).Select(s => (JsonElement?)s).SingleOrDefault();
    }

    public static async Task<JsonElement[]> Users(ChatApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return (await Wire.Ok(await app.Anonymous().Get(UsersPath))).GetProperty("users").Items();
    }

    /// <summary>Both lists as raw JSON, to show that a refused request changed nothing.</summary>
    public static async Task<string> Snapshot(ChatApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var sessions = await Wire.Ok(await app.Anonymous().Get(Path));
        var users = await Wire.Ok(await app.Anonymous().Get(UsersPath));
        return sessions.GetRawText() + users.GetRawText();
    }
}
