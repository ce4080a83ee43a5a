using Chat.Application.Common.Models;
using Chat.Application.Games.CastVote;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat.Web.Endpoints;

/// <summary>A game's vote by REST, the same use case as the hub's <c>vote</c>; the 200 body is the Game itself.</summary>
public static class Votes
{
    public sealed record VoteRequest(string? Suspect);

    public static RouteGroupBuilder MapVotes(this RouteGroupBuilder api)
    {
        api.MapPost("/sessions/{room}/vote", Vote)
            .RequireAuthorization()
            .WithName("CastVote")
            .WithTags("Games")
            .WithSummary("Names the player the caller takes for the robot, during a game's vote.")
            .WithDescription(
                "Only during the `vote` phase, only by a present player, naming another present player; sent again, it changes " +
                "the caller's vote. The 200 body is the Game itself. 400 a bad body or a vote for oneself; 403 not a player; " +
                "404 no such room or suspect; 409 not in `vote`.")
            .ProducesProblems(
                StatusCodes.Status400BadRequest,
                StatusCodes.Status401Unauthorized,
                StatusCodes.Status403Forbidden,
                StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict,
                StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType)
            .NeedsDatabase();
        return api;
    }

    private static async Task<Ok<GameDto>> Vote(string room, VoteRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new CastVote(room, request.Suspect), ct));
}
