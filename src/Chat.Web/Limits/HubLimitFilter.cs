using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Threading.RateLimiting;
using Chat.Application.Common.Telemetry;
using Chat.Web.Identity;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Web.Limits;

/// <summary>
/// Runs around every hub call and applies its method's limit from <see cref="HubLimits"/>
/// before the call does anything: a refused call stores nothing and sends nothing.
/// </summary>
public sealed class HubLimitFilter(HubLimits limits) : IHubFilter
{
    public const string TooFast = "You are sending messages too fast";

    private static readonly ConcurrentDictionary<MethodInfo, string> WireNames = new();

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext,
        Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var limit = limits.For(WireName(invocationContext.HubMethod));
        if (limit.Limiter is { } limiter && SignInClaims.UserIdOf(invocationContext.Context.User) is { } userId)
        {
            // Completes at once for a node's own bucket; with Redis, one round trip.
            using var lease = await limiter.AcquireAsync(userId, 1, invocationContext.Context.ConnectionAborted);
            if (!lease.IsAcquired)
            {
                if (limit.WhenOver == OverLimit.Drop)
                {
                    return null;
                }

                ChatTelemetry.MessagesRefused.Add(1, ChatTelemetry.RefusalReasons.RateLimited);
                throw new HubException(Refusal(lease));
            }
        }

        return await next(invocationContext);
    }

    /// <summary>The name a client invokes (<c>message</c>), not the C# method's (<see cref="HubInvocationContext.HubMethodName"/>).</summary>
    public static string WireName(MethodInfo method) =>
        WireNames.GetOrAdd(method, m => m.GetCustomAttribute<HubMethodNameAttribute>()?.Name ?? m.Name);

    private static string Refusal(RateLimitLease lease)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero
            ? retryAfter
            : TimeSpan.FromSeconds(1);
        var seconds = Math.Ceiling(wait.TotalSeconds * 10) / 10;
        return string.Create(CultureInfo.InvariantCulture, $"{TooFast}; try again in {seconds:0.#} {(seconds == 1 ? "second" : "seconds")}. This message was not sent.");
    }
}
