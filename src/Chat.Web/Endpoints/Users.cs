using Chat.Application.Users.GetCurrentUser;
using Chat.Application.Users.ListUsers;
using Chat.Application.Users.Logout;
using Chat.Application.Users.RegisterUser;
using Chat.Web.Identity;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat.Web.Endpoints;

public static class Users
{
    public sealed record RegisterRequest(string? Username);

    public static RouteGroupBuilder MapUsers(this RouteGroupBuilder api)
    {
        api.MapPost("/register", Register).WithName("RegisterUser");
        api.MapGet("/lobby", Welcome).RequireAuthorization().WithName("GetCurrentUser");
        api.MapGet("/lobby/users", List).WithName("ListUsers");
        api.MapMethods("/logout", [HttpMethods.Get, HttpMethods.Post], Logout).RequireAuthorization().WithName("Logout");
        return api;
    }

    private static async Task<Ok<RegisterResponse>> Register(RegisterRequest request, ISender sender, HttpContext http, CancellationToken ct)
    {
        var user = await sender.Send(new RegisterUser(request.Username), ct);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SignInClaims.For(user.Id, user.Username));
        return TypedResults.Ok(new RegisterResponse(true, "Registration Success!", new RegisteredUserData(user.Username)));
    }

    private static async Task<Ok<WelcomeResponse>> Welcome(ISender sender, CancellationToken ct)
    {
        var user = await sender.Send(new GetCurrentUser(), ct);
        return TypedResults.Ok(new WelcomeResponse($"Welcome {user.Username}!", new CurrentUserData(user)));
    }

    private static async Task<Ok<UsersResponse>> List(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(new UsersResponse("Registered users", await sender.Send(new ListUsers(), ct)));

    private static async Task<Ok<StatusResponse>> Logout(ISender sender, HttpContext http, CancellationToken ct)
    {
        await sender.Send(new Logout(), ct);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Ok(new StatusResponse("Logout successful. Adios, pal."));
    }
}
