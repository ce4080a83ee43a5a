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
        api.MapGet("/stats", Read)
            .WithName("GetStats")
            .WithTags("Games")
            .WithSummary("How each robot model fared in finished games, and the players who spotted the robot most often.")
            .WithDescription(
                "`judged_human_rate`: the share of humans' votes in the model's finished games that did not name it (null before " +
                "any vote). `players`: the top 20 by `correct`, then by `games`.")
            .NeedsDatabase();
        return api;
    }

    private static async Task<Ok<StatsResponse>> Read(ISender sender, CancellationToken ct)
    {
        var stats = await sender.Send(new GetStats(), ct);
        return TypedResults.Ok(new StatsResponse("Stats", stats.Robots, stats.Players));
    }
}
