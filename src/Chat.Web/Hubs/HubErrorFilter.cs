using Chat.Web.Errors;
using Chat.Web.Identity;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Web.Hubs;

/// <summary>
/// Runs around every hub call: hands the connection's user (read as the connection
/// opens, <see cref="HubCaller"/>) to the invocation's scope, and turns failures into
/// a <see cref="HubException"/> with a reason a person can read (the only exception
/// text SignalR sends to clients). Once the caller is read, the connection's request
/// lets go of what its sign-in left behind (<see cref="CookieSignIn.ForgetSignIn"/>).
/// </summary>
public sealed partial class HubErrorFilter(ILogger<HubErrorFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext,
        Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        invocationContext.ServiceProvider.GetRequiredService<CurrentUser>().ActFor(HubCaller.Of(invocationContext.Context));
        try
        {
            return await next(invocationContext);
        }
        catch (HubException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new HubException(ReasonFor(ex, invocationContext.HubMethodName));
        }
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        context.ServiceProvider.GetRequiredService<CurrentUser>().ActFor(HubCaller.Remember(context.Context));
        var forgetting = CookieSignIn.ForgetSignIn(context.Context.GetHttpContext());
        return forgetting.IsCompletedSuccessfully ? next(context) : ThenConnect(forgetting, context, next);

        static async Task ThenConnect(ValueTask forgetting, HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
        {
            await forgetting;
            await next(context);
        }
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        context.ServiceProvider.GetRequiredService<CurrentUser>().ActFor(HubCaller.Of(context.Context));
        return next(context, exception);
    }

    /// <summary>The sentence a hub caller is told, shared with the hub's own error events.</summary>
    public string ReasonFor(Exception exception, string method)
    {
        var failure = Failure.From(exception);
        if (failure is null)
        {
            Unexpected(method, exception);
            return Failure.Unexpected;
        }

        return failure.Message;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure of hub method {Method}")]
    private partial void Unexpected(string method, Exception error);
}
