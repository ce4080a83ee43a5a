using Chat.Application.Games.GetStats;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat.Web.Endpoints;

/// <summary>How the robots fared in finished games, and who spotted them most often; no sign-in needed.</summary>
public static class Stats
{
    public sealed record StatsResponse(string Message, IReadOnlyList<RobotStats> Robots, IReadOnlyList<PlayerStats> Players);

    public static RouteGroupBuilder MapStats(this RouteGroupBuilder api)
    {
        api.MapGet("/stats", Read).WithName("GetStats");
        return api;
    }

    private static async Task<Ok<StatsResponse>> Read(ISender sender, CancellationToken ct)
    {
        var stats = await sender.Send(new GetStats(), ct);
        return TypedResults.Ok(new StatsResponse("Stats", stats.Robots, stats.Players));
    }
}
