using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using LogoutCommand = Chat.Application.Users.Logout.Logout;

namespace Chat.Web.Endpoints;

/// <summary><c>GET /api/logout</c> (also <c>POST</c>): ends the sign-in and frees the name.</summary>
public static class Logout
{
    public static RouteGroupBuilder MapLogout(this RouteGroupBuilder api)
    {
        // One endpoint per method, so that each has an operation id of its own in the API document.
        Describe(api.MapGet("/logout", SignOut), "Logout");
        Describe(api.MapPost("/logout", SignOut), "LogoutByPost");
        return api;
    }

    private static void Describe(RouteHandlerBuilder endpoint, string name) =>
        endpoint.RequireAuthorization()
            .WithName(name)
            .WithTags("Users")
            .WithSummary("Ends the sign-in, takes the user out of their session and frees the name.")
            .ProducesProblems(StatusCodes.Status401Unauthorized)
            .NeedsDatabase();

    private static async Task<Ok<StatusResponse>> SignOut(ISender sender, HttpContext http, CancellationToken ct)
    {
        await sender.Send(new LogoutCommand(), ct);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Ok(new StatusResponse("Logout successful. Adios, pal."));
    }
}
