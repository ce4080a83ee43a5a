using System.Security.Claims;
using Chat.Application.Common.Interfaces;

namespace Chat.Web.Identity;

/// <summary>
/// The caller of this request or hub invocation. HTTP requests read the request's
/// principal; the hub filter hands over the connection's principal, since hub
/// invocations run in a scope of their own.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor) : ICurrentUser
{
    public ClaimsPrincipal? HubPrincipal { get; set; }

    private ClaimsPrincipal? Principal => HubPrincipal ?? httpContextAccessor.HttpContext?.User;

    public int? Id => SignInClaims.UserIdOf(Principal);

    public string? Username => Id is null ? null : Principal?.Identity?.Name;
}
