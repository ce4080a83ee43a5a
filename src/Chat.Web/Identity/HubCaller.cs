using Microsoft.AspNetCore.SignalR;

namespace Chat.Web.Identity;

/// <summary>
/// The signed-in user a hub connection belongs to. A connection's principal is fixed
/// when it opens (a sign-out closes the user's connections rather than changing
/// them), so it is read from the claims once and kept with the connection: every
/// hub call asks who its caller is, at least twice for each chat message (its limit
/// and its sender), and a lookup is cheaper than finding and parsing claims (ADR-004).
/// </summary>
public sealed record HubCaller(int Id, string Username)
{
    /// <summary>The connection's user, or null for a connection without a sign-in.</summary>
    public static HubCaller? Of(HubCallerContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);

        // The connection's items are a concurrent dictionary: its calls may run together.
        if (connection.Items.TryGetValue(typeof(HubCaller), out var known))
        {
            return (HubCaller?)known;
        }

        var caller = SignInClaims.UserIdOf(connection.User) is { } id && connection.User?.Identity?.Name is { } name
            ? new HubCaller(id, name)
            : null;
        connection.Items[typeof(HubCaller)] = caller;
        return caller;
    }
}
