using Chat.Application.Common.Models;
using Chat.Application.Sessions.HostSession;
using Chat.Application.Sessions.TakeSeat;
using Chat.Application.Sessions.LeaveSession;
using Chat.Application.Users.GetCurrentUser;
using Chat.Web.Limits;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat.Web.Endpoints;

/// <summary>
/// <c>/api/lobby</c>: <c>GET</c> welcomes the signed-in user; <c>POST</c> is the seed's one
/// lobby call that hosts, joins or (beyond the seed) leaves, chosen by <c>type</c>.
/// </summary>
public static class Lobby
{
    public sealed record LobbyRequest(string? Type, string? Room = null, string? Robot = null, int? MaxPlayersAllowed = null, bool? Random = null);

    public static RouteGroupBuilder MapLobby(this RouteGroupBuilder api)
    {
        api.MapGet("/lobby", Welcome)
            .RequireAuthorization()
            .WithName("GetCurrentUser")
            .WithTags("Lobby")
            .WithSummary("Welcomes the signed-in user and shows their state.")
            .ProducesProblems(StatusCodes.Status401Unauthorized)
            .NeedsDatabase();
        api.MapPost("/lobby", Act)
            .RequireAuthorization()
            .RequireRateLimiting(RequestLimits.LobbyActions)
            .WithName("LobbyAction")
            .WithTags("Lobby")
            .WithSummary("Hosts, joins or leaves a session, as type says.")
            .WithDescription(
                "`{\"type\": \"host\", \"room\", \"robot\"?, \"max_players_allowed\"?}`, `{\"type\": \"join\", \"room\"}`, " +
                "`{\"type\": \"join\", \"random\": true}` or `{\"type\": \"leave\"}`. Host and join answer with the room and the hub " +
                "address (`ws`); leave answers with `message` and `did_succeed` only.")
            .ProducesEither<LobbyResponse, LeftResponse>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status429TooManyRequests)
            .NeedsDatabase();
        return api;
    }

    private static async Task<Ok<WelcomeResponse>> Welcome(ISender sender, CancellationToken ct)
    {
        var user = await sender.Send(new GetCurrentUser(), ct);
        return TypedResults.Ok(new WelcomeResponse($"Welcome {user.Username}!", new CurrentUserData(user)));
    }

    private static async Task<IResult> Act(LobbyRequest request, ISender sender, HttpContext http, CancellationToken ct)
    {
        switch (request.Type?.Trim().ToLowerInvariant())
        {
            case "host":
                var hosted = await sender.Send(new HostSession(request.Room, request.Robot, request.MaxPlayersAllowed), ct);
                return Entered($"Session '{hosted.Room}' is open; share the room name so others can join.", hosted, http);
            case "join":
                var joined = await sender.Send(new TakeSeat(request.Room, request.Random == true), ct);
                return Entered($"You joined the session '{joined.Room}'.", joined, http);
            case "leave":
                var left = await sender.Send(new LeaveSession(), ct);
                return TypedResults.Ok(new LeftResponse($"You left the session '{left.Room}'.", true));
            default:
                throw new ValidationException([new ValidationFailure("type", "type must be \"host\", \"join\" or \"leave\".")]);
        }
    }

    private static Ok<LobbyResponse> Entered(string message, SessionDto session, HttpContext http) =>
        TypedResults.Ok(new LobbyResponse(message, new RoomData(session.Room), true, HubAddress.Of(http.Request)));
}
