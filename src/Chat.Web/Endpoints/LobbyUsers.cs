using Chat.Application.Users.ListUsers;
using Chat.Web.Caching;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat.Web.Endpoints;

/// <summary><c>GET /api/lobby/users</c>: the signed-in users.</summary>
public static class LobbyUsers
{
    public static RouteGroupBuilder MapLobbyUsers(this RouteGroupBuilder api)
    {
        api.MapGet("/lobby/users", List).WithName("ListUsers").CacheOutput(CurrentListingPolicy.Name)
            .WithTags("Lobby").WithSummary("Lists the signed-in users.").NeedsDatabase();
        return api;
    }

    private static async Task<Ok<UsersResponse>> List(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(new UsersResponse("Registered users", await sender.Send(new ListUsers(), ct)));
}
