using Chat.Application.Robots.ListRobots;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat.Web.Endpoints;

public static class Robots
{
    public static RouteGroupBuilder MapRobots(this RouteGroupBuilder api)
    {
        api.MapGet("/robots", List).WithName("ListRobots")
            .WithTags("Lobby").WithSummary("Lists the robot models a host may pick.");
        return api;
    }

    private static async Task<Ok<RobotsResponse>> List(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(new RobotsResponse("Robots", await sender.Send(new ListRobots(), ct)));
}
