using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Threading.RateLimiting;
using Chat.Application.Common.Models;
using Chat.Application.Common.Telemetry;
using Chat.Web.Identity;
using Mediator;
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

    public ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext,
        Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var limit = limits.For(WireName(invocationContext.HubMethod));

        if (limit.Limiter is not { } limiter || HubCaller.Of(invocationContext.Context)?.Id is not { } userId)
        {
            // An unlimited call goes straight on, without a state machine of this filter's own.
            return next(invocationContext);
        }

        if (!limit.AcrossNodes)
        {
            // The node's own bucket answers at once: the check is synchronous, so a
            // connection's calls pass it in the order they came without the gate below.
            using var lease = limiter.AttemptAcquire(userId);
            return lease.IsAcquired ? next(invocationContext) : Over(invocationContext, limit, lease);
        }

        return Limited(invocationContext, next, limit, limiter, userId);
    }

    private static async ValueTask<object?> Limited(
        HubInvocationContext invocationContext,
        Func<HubInvocationContext, ValueTask<object?>> next,
        HubMethodLimit limit,
        PartitionedRateLimiter<int> limiter,
        int userId)
    {
        // A connection's calls may be under way together (ChatHubEndpoint), and with Redis
        // the check waits on a round trip: a later message must not pass an earlier one
        // still being checked. So one call at a time goes through the check and on until
        // the call waits (its message is queued for storing); the gate lets waiters in
        // first come, first served.
        var gate = OrderGate(invocationContext.Context);
        await gate.WaitAsync(invocationContext.Context.ConnectionAborted);
        ValueTask<object?> call;
        try
        {
            // The node's own bucket first, then the shared one: one round trip to Redis.
            using var lease = await limiter.AcquireAsync(userId, 1, invocationContext.Context.ConnectionAborted);
            call = lease.IsAcquired ? next(invocationContext) : Over(invocationContext, limit, lease);
        }
        finally
        {
            gate.Release();
        }

        return await call;
    }

    /// <summary>
    /// A call over its limit: dropped without a word, or refused with when to try again;
    /// a resend of something stored is answered with it instead (<see cref="IResendableArgument"/>).
    /// </summary>
    private static ValueTask<object?> Over(HubInvocationContext invocationContext, HubMethodLimit limit, RateLimitLease lease)
    {
        if (limit.WhenOver == OverLimit.Drop)
        {
            return ValueTask.FromResult<object?>(null);
        }

        // Worded now: the lease goes when this returns.
        var refusal = Refusal(lease);
        if (invocationContext.HubMethodArguments is [IResendableArgument { Resent: { } resent }])
        {
            return ResentOrRefused(invocationContext, resent, refusal);
        }

        throw Refused(refusal);
    }

    private static async ValueTask<object?> ResentOrRefused(HubInvocationContext invocationContext, IQuery<MessageDto?> resent, string refusal)
    {
        var sender = invocationContext.ServiceProvider.GetRequiredService<ISender>();
        return await sender.Send(resent, invocationContext.Context.ConnectionAborted) ?? throw Refused(refusal);
    }

    private static HubException Refused(string refusal)
    {
        ChatTelemetry.MessagesRefused.Add(1, ChatTelemetry.RefusalReasons.RateLimited);
        return new HubException(refusal);
    }

    private static SemaphoreSlim OrderGate(HubCallerContext connection)
    {
        lock (connection.Items)
        {
            if (connection.Items.TryGetValue(typeof(HubLimitFilter), out var existing))
            {
                return (SemaphoreSlim)existing!;
            }

            var gate = new SemaphoreSlim(1, 1);
            connection.Items[typeof(HubLimitFilter)] = gate;
            return gate;
        }
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
