using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Chat.Web.Identity;

/// <summary>What the auth cookie carries: the user's id and name, nothing else.</summary>
public static class SignInClaims
{
    public static ClaimsPrincipal For(int userId, string username) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, userId.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, username),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme));

    public static int? UserIdOf(ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true
        && int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
