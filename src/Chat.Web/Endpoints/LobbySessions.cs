using Chat.Application.Sessions.ListSessions;
using Chat.Web.Caching;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat.Web.Endpoints;

/// <summary><c>GET /api/lobby/sessions</c>: the pending and active sessions.</summary>
public static class LobbySessions
{
    public static RouteGroupBuilder MapLobbySessions(this RouteGroupBuilder api)
    {
        api.MapGet("/lobby/sessions", List).WithName("ListSessions").CacheOutput(CurrentListingPolicy.Name)
            .WithTags("Lobby").WithSummary("Lists the pending and active sessions.").NeedsDatabase();
        return api;
    }

    private static async Task<Ok<SessionsResponse>> List(ISender sender, CancellationToken ct)
    {
        var sessions = await sender.Send(new ListSessions(), ct);
        return TypedResults.Ok(new SessionsResponse("Game sessions", sessions.Pending, sessions.Active));
    }
}
