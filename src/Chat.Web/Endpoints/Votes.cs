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
        api.MapPost("/sessions/{room}/vote", Vote).RequireAuthorization().WithName("CastVote");
        return api;
    }

    private static async Task<Ok<GameDto>> Vote(string room, VoteRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new CastVote(room, request.Suspect), ct));
}
