using Chat.Web.Endpoints;

namespace Chat.Web.Identity;

/// <summary>
/// The sign-in (ASP.NET Core's authentication and authorization middlewares) of every
/// request: around the rest of the pipeline, as usual, except for the requests a hub
/// connection lives in, which it signs in first and then hands on.
/// </summary>
/// <remarks>
/// A hub connection's request lasts as long as the connection. Both middlewares await
/// the rest of the pipeline with the sign-in's state in their frames (the cookie
/// handler with its results, the authorization services), so run around it they keep
/// about 2 KB alive on every open connection that the connection never reads again: the
/// hub keeps its caller (<see cref="HubCaller"/>), and a sign-out closes the user's
/// connections (ADR-004). Run to their end first, they are the same middlewares with
/// the same outcome: a request they refuse is answered by them and goes no further.
/// What the request itself still holds of the sign-in is let go once the connection is
/// open (<see cref="CookieSignIn.ForgetSignIn"/>).
/// </remarks>
public sealed class HubConnectionSignIn
{
    /// <summary>Left in the request's items by the end of the sign-in pipeline: the request may go on.</summary>
    private static readonly object Passed = new();

    private readonly RequestDelegate _next;
    private readonly RequestDelegate _around;
    private readonly RequestDelegate _first;

    public HubConnectionSignIn(RequestDelegate next, IServiceProvider services)
    {
        _next = next;
        _around = SignIn(services, next);
        _first = SignIn(services, static context =>
        {
            context.Items[Passed] = Passed;
            return Task.CompletedTask;
        });
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsConnectionRequest(context))
        {
            return _around(context);
        }

        var signingIn = _first(context);
        return signingIn.IsCompletedSuccessfully ? GoOnIfPassed(context) : GoOnOnceSignedIn(signingIn, context);
    }

    /// <summary>The requests a hub connection lives in: the WebSocket's, and those of the fallback transports.</summary>
    private static bool IsConnectionRequest(HttpContext context) =>
        context.Request.Path.Equals(HubAddress.Path, StringComparison.OrdinalIgnoreCase);

    private static RequestDelegate SignIn(IServiceProvider services, RequestDelegate then)
    {
        var pipeline = new ApplicationBuilder(services);
        pipeline.UseAuthentication();
        pipeline.UseAuthorization();
        pipeline.Run(then);
        return pipeline.Build();
    }

    private Task GoOnIfPassed(HttpContext context) =>
        context.Items.Remove(Passed) ? _next(context) : Task.CompletedTask;

    /// <summary>Keeps a frame of its own for the connection's life, a few dozen bytes: the sign-in's are gone.</summary>
    private async Task GoOnOnceSignedIn(Task signingIn, HttpContext context)
    {
        await signingIn;
        await GoOnIfPassed(context);
    }
}
