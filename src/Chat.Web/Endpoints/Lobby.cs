using Chat.Application.Common.Models;
using Chat.Application.Sessions.HostSession;
using Chat.Application.Sessions.TakeSeat;
using Chat.Application.Sessions.LeaveSession;
using Chat.Application.Sessions.ListSessions;
using Chat.Web.Errors;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat.Web.Endpoints;

/// <summary>The seed's one lobby call that hosts, joins or (beyond the seed) leaves, chosen by <c>type</c>.</summary>
public static class Lobby
{
    public sealed record LobbyRequest(string? Type, string? Room, string? Robot, int? MaxPlayersAllowed, bool? Random);

    public static RouteGroupBuilder MapLobby(this RouteGroupBuilder api)
    {
        api.MapPost("/lobby", Act).RequireAuthorization().WithName("LobbyAction");
        api.MapGet("/lobby/sessions", List).WithName("ListSessions");
        return api;
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

    private static async Task<Ok<SessionsResponse>> List(ISender sender, CancellationToken ct)
    {
        var sessions = await sender.Send(new ListSessions(), ct);
        return TypedResults.Ok(new SessionsResponse("Game sessions", sessions.Pending, sessions.Active));
    }
}
