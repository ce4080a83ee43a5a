using Chat.Infrastructure.Persistence;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Chat.Infrastructure.Realtime.ScaleOut;

/// <summary>
/// Reads <c>ConnectionStrings:Redis</c>. Set, SignalR scales out through the Redis
/// backplane, nodes tell each other about logouts and leaves, and per-user limits
/// are kept in Redis for all nodes (<see cref="SharedRateLimits"/>); not set, the
/// process serves alone exactly as a single node always has. Also registers the
/// readiness checks: the database (<see cref="DatabaseReadiness"/>), and Redis where configured.
/// </summary>
public static class ScaleOutSetup
{
    public const string RedisConnectionStringName = "Redis";

    /// <summary>Tag of the checks behind <c>/health/ready</c>.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Tag of the checks behind <c>/health/live</c>.</summary>
    public const string LiveTag = "live";

    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DeliveryHealth>();
        var health = services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy(), tags: [LiveTag])
            .AddCheck<DatabaseReadiness>("database", tags: [ReadyTag]);

        var redis = configuration.GetConnectionString(RedisConnectionStringName);
        if (string.IsNullOrWhiteSpace(redis))
        {
            return services;
        }

        services.AddSingleton(sp => new RedisConnection(redis, sp.GetRequiredService<ILogger<RedisConnection>>()));
        services.AddSingleton<SharedRateLimits>();
        services.AddSignalR().AddStackExchangeRedis();
        services.AddOptions<RedisOptions>().Configure<IServiceProvider>((o, sp) =>
            o.ConnectionFactory = _ => Task.FromResult(sp.GetRequiredService<RedisConnection>().Multiplexer));
        health.AddRedis(sp => sp.GetRequiredService<RedisConnection>().Multiplexer, "redis", tags: [ReadyTag]);
        return services;
    }
}
