using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chat.Infrastructure.Persistence;

/// <summary>
/// The <c>database</c> check behind <c>/health/ready</c>: the database answers, and it
/// has not just refused a write (<see cref="DatabaseWrites"/>). Statuses only; the
/// reason goes no further than the check's own description.
/// </summary>
internal sealed class DatabaseReadiness(ChatDbContext db, DatabaseWrites writes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (writes.RecentlyRefused)
        {
            return HealthCheckResult.Unhealthy("The database refused a write just now.");
        }

        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
    }
}
