using Microsoft.AspNetCore.SignalR;

namespace Chat.Web.Identity;

/// <summary>
/// The signed-in user a hub connection belongs to. A connection's principal is fixed
/// when it opens (a sign-out closes the user's connections rather than changing
/// them), so its claims are read once, as it opens, and the caller is kept with the
/// connection: every hub call asks who its caller is, at least twice for each chat
/// message (its limit and its sender), and a lookup is cheaper than finding and
/// parsing claims (ADR-004).
/// </summary>
/// <remarks>
/// Kept among the connection's features, which it has anyway, rather than in its
/// items, a dictionary SignalR creates only when first asked for. The feature is set
/// once, before SignalR runs any of the connection's calls, and only read after.
/// </remarks>
public sealed record HubCaller(int Id, string Username)
{
    /// <summary>Reads the caller of a connection that is opening and keeps it with the connection.</summary>
    public static HubCaller? Remember(HubCallerContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var caller = Read(connection);
        connection.Features.Set(caller);
        return caller;
    }

    /// <summary>The connection's user, or null for a connection without a sign-in.</summary>
    public static HubCaller? Of(HubCallerContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Features.Get<HubCaller>() ?? Read(connection);
    }

    private static HubCaller? Read(HubCallerContext connection) =>
        SignInClaims.UserIdOf(connection.User) is { } id && connection.User?.Identity?.Name is { } name
            ? new HubCaller(id, name)
            : null;
}
