using System.Security.Claims;
using Chat.Application.Common.Interfaces;

namespace Chat.Web.Identity;

/// <summary>
/// The caller of this request or hub invocation. HTTP requests read the request's
/// principal; the hub filter hands over the connection's caller, since hub
/// invocations run in a scope of their own.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor) : ICurrentUser
{
    private bool _isHubCall;
    private HubCaller? _hubCaller;

    public int? Id => _isHubCall ? _hubCaller?.Id : SignInClaims.UserIdOf(RequestPrincipal);

    public string? Username => _isHubCall ? _hubCaller?.Username : Id is null ? null : RequestPrincipal?.Identity?.Name;

    private ClaimsPrincipal? RequestPrincipal => httpContextAccessor.HttpContext?.User;

    /// <summary>This scope serves a hub call (or a connection's opening or closing) of <paramref name="caller"/>.</summary>
    public void ActFor(HubCaller? caller)
    {
        _isHubCall = true;
        _hubCaller = caller;
    }
}
