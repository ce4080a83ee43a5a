using Chat.Application.Users.RegisterUser;
using Chat.Web.Identity;
using Chat.Web.Limits;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat.Web.Endpoints;

/// <summary><c>POST /api/register</c>: takes a name and signs the caller in with the auth cookie.</summary>
public static class Registration
{
    public sealed record RegisterRequest(string? Username);

    public static RouteGroupBuilder MapRegistration(this RouteGroupBuilder api)
    {
        api.MapPost("/register", Register)
            .RequireRateLimiting(RequestLimits.Registrations)
            .WithName("RegisterUser")
            .WithTags("Users")
            .WithSummary("Registers a name and signs the caller in (sets the auth cookie).")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status429TooManyRequests)
            .NeedsDatabase();
        return api;
    }

    private static async Task<Ok<RegisterResponse>> Register(RegisterRequest request, ISender sender, HttpContext http, CancellationToken ct)
    {
        var user = await sender.Send(new RegisterUser(request.Username), ct);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SignInClaims.For(user.Id, user.Username));
        return TypedResults.Ok(new RegisterResponse(true, "Registration Success!", new RegisteredUserData(user.Username)));
    }
}
