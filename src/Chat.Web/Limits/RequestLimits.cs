using System.Globalization;
using System.Threading.RateLimiting;
using Chat.Web.Errors;
using Chat.Web.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Chat.Web.Limits;

/// <summary>
/// The REST limits, as ASP.NET Core rate-limiting policies that endpoints name with
/// <c>RequireRateLimiting</c>. Over a limit: 429, a <c>Retry-After</c> header and the
/// problem body.
/// </summary>
public static class RequestLimits
{
    /// <summary><c>POST /api/register</c>, per client address.</summary>
    public const string Registrations = "registrations";

    /// <summary><c>POST /api/lobby</c>, per user.</summary>
    public const string LobbyActions = "lobby-actions";

    public static IServiceCollection AddChatLimits(this IServiceCollection services)
    {
        services.AddOptions<LimitsOptions>()
            .BindConfiguration(LimitsOptions.Section)
            .Validate(o => o.IsValid, "Every Limits setting must be 0 (off) or more.")
            .ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy<string, RegistrationLimit>(Registrations);
            o.AddPolicy<string, LobbyActionLimit>(LobbyActions);
        });
        services.AddSingleton<HubLimits>();
        services.AddSingleton<HubLimitFilter>();
        return services;
    }

    /// <summary>The one partition of every caller when a limit is off.</summary>
    internal const string Unlimited = "off";

    /// <summary>
    /// At most <paramref name="permits"/> a minute for the key; 0 is no limit. An
    /// unlimited partition is never idle, so the limiter would keep one for every
    /// caller for good: when the limit is off, every caller shares one.
    /// </summary>
    internal static RateLimitPartition<string> PerMinute(string key, int permits) =>
        permits <= 0
            ? RateLimitPartition.GetNoLimiter(Unlimited)
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });

    /// <summary>The client address: the socket's peer (forwarded-header handling, where configured, has set it already).</summary>
    internal static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    internal static async ValueTask Refuse(OnRejectedContext context, string what)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Problems.Write(http, StatusCodes.Status429TooManyRequests, $"{what} Try again in {seconds} seconds.");
    }

    private sealed class RegistrationLimit(IOptions<LimitsOptions> options) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, _) =>
            Refuse(context, $"Too many registrations from your address (at most {options.Value.RegistrationsPerMinute} a minute).");

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            PerMinute(AddressOf(httpContext), options.Value.RegistrationsPerMinute);
    }

    private sealed class LobbyActionLimit(IOptions<LimitsOptions> options) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, _) =>
            Refuse(context, $"Too many lobby actions (at most {options.Value.LobbyActionsPerMinute} a minute).");

        // The endpoint requires a sign-in, so the user is known; the address is only a fallback.
        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            PerMinute(
                SignInClaims.UserIdOf(httpContext.User) is { } userId ? $"user:{userId.ToString(CultureInfo.InvariantCulture)}" : $"address:{AddressOf(httpContext)}",
                options.Value.LobbyActionsPerMinute);
    }
}
