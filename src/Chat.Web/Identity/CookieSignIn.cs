using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Chat.Application.Users.CheckSignIn;
using Chat.Web.Errors;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace Chat.Web.Identity;

/// <summary>
/// The seed's session-based sign-in as a cookie: HttpOnly, SameSite=Strict, Secure
/// over HTTPS. Every call that needs a sign-in (the default authorization policy: the
/// REST calls that require one, the hub's negotiate and connect) re-checks in the
/// database that it has not ended, so a cookie kept after logout is refused for REST
/// and hub alike. Calls that need none (the lobby listings every client polls, the
/// status, the page) do not pay for that check (ADR-004, tenth revision).
/// </summary>
public static class CookieSignIn
{
    public const string CookieName = "chat_auth";

    private const string AuthenticationAdded = "__AuthenticationMiddlewareSet";
    private const string AuthorizationAdded = "__AuthorizationMiddlewareSet";

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
                options.Events.OnRedirectToLogin = context =>
                    Problems.Write(context.HttpContext, StatusCodes.Status401Unauthorized, "You need to sign in first: POST /api/register.");
                options.Events.OnRedirectToAccessDenied = context =>
                    Problems.Write(context.HttpContext, StatusCodes.Status403Forbidden, "You may not do that.");
            });
        services.AddScoped<IAuthorizationHandler, StillSignedInHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, EndedSignInIsNoSignIn>();
        services.AddAuthorization(options => options.DefaultPolicy = new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new StillSignedIn())
            .Build());
        return services;
    }

    /// <summary>
    /// Authentication and authorization, where <c>UseAuthentication</c> and
    /// <c>UseAuthorization</c> would go: ASP.NET Core's own middlewares, run before a hub
    /// connection's request rather than around it (<see cref="HubConnectionSignIn"/>).
    /// </summary>
    public static IApplicationBuilder UseSignIn(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // A web application adds both middlewares at the front of its pipeline unless it
        // finds these markers, which UseAuthentication and UseAuthorization leave on the
        // builder they are called on; here they are called on the sign-in's own pipelines.
        app.Properties[AuthenticationAdded] = true;
        app.Properties[AuthorizationAdded] = true;
        return app.UseMiddleware<HubConnectionSignIn>();
    }

    /// <summary>
    /// Lets the request a hub connection lives in drop what its sign-in left behind, once
    /// the connection is open and its caller remembered (<see cref="HubCaller"/>): the
    /// sign-in cookie, the authentication's result and the request's service scope.
    /// </summary>
    /// <remarks>
    /// Such a request lasts as long as the connection, and ASP.NET Core keeps all three
    /// for as long as the request: the Cookie header and the cookies parsed from it
    /// (about 1.8 KB of strings), and about 2 KB of sign-in state, the cookie handler with
    /// its results and tickets and the authentication and authorization services that
    /// the request's scope handed out. Those are the largest things a connection of the
    /// service holds that a bare SignalR connection does not (ADR-004). Nothing reads
    /// them after the connection opens: the sign-in was checked before the upgrade, a
    /// sign-out closes the user's connections, and every hub call runs in a scope of its
    /// own. The user stays the request's user.
    /// <list type="bullet">
    /// <item>The sign-in's check parsed the cookies, so the request has them as a feature;
    /// setting that feature's cookies clears the Cookie header as well as the parsed copy.</item>
    /// <item>The authentication's result gives way to a feature that holds only the user.</item>
    /// <item>The request's scope is disposed and let go; should anything on the request ask
    /// for its services again, it gets a scope of its own, disposed with the request.</item>
    /// </list>
    /// </remarks>
    public static ValueTask ForgetSignIn(HttpContext? connectionRequest)
    {
        if (connectionRequest is null)
        {
            return ValueTask.CompletedTask;
        }

        var features = connectionRequest.Features;
        if (features.Get<IRequestCookiesFeature>() is { } cookies)
        {
            cookies.Cookies = NoCookies.Instance;
        }

        if (features.Get<IAuthenticateResultFeature>() is not null)
        {
            var user = connectionRequest.User;
            features.Set<IAuthenticateResultFeature>(null);
            features.Set<IHttpAuthenticationFeature>(new HttpAuthenticationFeature { User = user });
        }

        if (features.Get<IServiceProvidersFeature>() is RequestServicesFeature signInServices)
        {
            features.Set<IServiceProvidersFeature>(new RequestServicesFeature(connectionRequest, connectionRequest.RequestServices.GetService<IServiceScopeFactory>()));
            return signInServices.DisposeAsync();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A sign-in that has not ended: the cookie's user has not logged out since.</summary>
    public sealed class StillSignedIn : IAuthorizationRequirement;

    /// <remarks>
    /// The check runs in a scope of its own, not the request's: a hub connection's request
    /// lasts as long as the connection, and a database context taken from the request's
    /// scope would stay out of the pool, with everything it holds, until the client left.
    /// </remarks>
    private sealed class StillSignedInHandler(IHttpContextAccessor http, IServiceScopeFactory scopes) : AuthorizationHandler<StillSignedIn>
    {
        protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StillSignedIn requirement)
        {
            if (SignInClaims.UserIdOf(context.User) is { } userId && await IsStillSignedIn(userId))
            {
                context.Succeed(requirement);
            }
        }

        private async Task<bool> IsStillSignedIn(int userId)
        {
            await using var scope = scopes.CreateAsyncScope();
            var aborted = http.HttpContext?.RequestAborted ?? CancellationToken.None;
            return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CheckSignIn(userId), aborted);
        }
    }

    private sealed class NoCookies : IRequestCookieCollection
    {
        public static readonly NoCookies Instance = new();

        public int Count => 0;

        public ICollection<string> Keys => [];

        public string? this[string key] => null;

        public bool ContainsKey(string key) => false;

        public bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Enumerable.Empty<KeyValuePair<string, string>>().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// A cookie whose sign-in has ended is answered as no cookie at all: 401 (not the 403
    /// of a signed-in caller who may not), and the cookie is cleared.
    /// </summary>
    /// <remarks>
    /// Every other result is handed to the default handler without awaiting it: for a hub
    /// connection that task is the rest of the pipeline, which lasts as long as the
    /// connection, and an awaiting frame here would be kept alive that long (ADR-004).
    /// </remarks>
    private sealed class EndedSignInIsNoSignIn : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
            authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<StillSignedIn>().Any() == true
                ? RefuseAsNoSignIn(context)
                : _default.HandleAsync(next, context, policy, authorizeResult);

        private static async Task RefuseAsNoSignIn(HttpContext context)
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            await context.ChallengeAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
