using System.Text.Json;
using Chat.Infrastructure.Realtime.ScaleOut;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chat.Web.Endpoints;

/// <summary>
/// <c>/health/live</c>: the process serves. <c>/health/ready</c>: the database (and
/// Redis, where configured) answer, and the database has not just refused a write
/// (<see cref="Chat.Infrastructure.Persistence.DatabaseWrites"/>); 503 otherwise. No auth, outside <c>/api</c>, for
/// load balancers and orchestrators. The body names each check and its status.
/// </summary>
public static class Health
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, Options(ScaleOutSetup.LiveTag)).WithName("Live");
        app.MapHealthChecks(ReadyPath, Options(ScaleOutSetup.ReadyTag)).WithName("Ready");
        return app;
    }

    private static HealthCheckOptions Options(string tag) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResponseWriter = Write,
    };

    /// <summary>Statuses only: an unauthenticated caller learns nothing of the failure's details.</summary>
    private static Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(new
        {
            status = Name(report.Status),
            checks = report.Entries.Select(e => new { name = e.Key, status = Name(e.Value.Status) }),
        });
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
