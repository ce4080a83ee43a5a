using Chat.Application.Users.CheckSignIn;
using Chat.Web.Errors;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Chat.Web.Identity;

/// <summary>
/// The seed's session-based sign-in as a cookie: HttpOnly, SameSite=Strict, Secure
/// over HTTPS. Every request re-checks that the sign-in has not ended, so a cookie
/// kept after logout is refused for REST and hub alike.
/// </summary>
public static class CookieSignIn
{
    public const string CookieName = "chat_auth";

    public static IServiceCollection AddCookieSignIn(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromDays(30);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = Revalidate;
                options.Events.OnRedirectToLogin = context =>
                    Problems.Write(context.HttpContext, StatusCodes.Status401Unauthorized, "You need to sign in first: POST /api/register.");
                options.Events.OnRedirectToAccessDenied = context =>
                    Problems.Write(context.HttpContext, StatusCodes.Status403Forbidden, "You may not do that.");
            });
        services.AddAuthorization();
        return services;
    }

    /// <remarks>
    /// The check runs in a scope of its own, not the request's: a hub connection's request
    /// lasts as long as the connection, and a database context taken from the request's
    /// scope would stay out of the pool, with everything it holds, until the client left.
    /// </remarks>
    private static async Task Revalidate(CookieValidatePrincipalContext context)
    {
        var userId = SignInClaims.UserIdOf(context.Principal);
        if (userId is null || !await IsStillSignedIn(context.HttpContext, userId.Value))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static async Task<bool> IsStillSignedIn(HttpContext http, int userId)
    {
        await using var scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CheckSignIn(userId), http.RequestAborted);
    }
}
