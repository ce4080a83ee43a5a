using Chat.Application.Common.Interfaces;
using Chat.Application.Presence;
using Chat.Application.Presence.ExpireDisconnectedPlayers;
using Chat.Infrastructure.Realtime;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Presence;

/// <summary>
/// Each process, on a timer: vouches for its own live connections, closes those
/// whose user signed out through another process, and takes out players whose
/// grace period ran out.
/// </summary>
internal sealed partial class PresenceSweeper(
    IServiceScopeFactory scopes,
    ConnectionRegistry connections,
    IOptions<PresenceOptions> options,
    TimeProvider clock,
    ILogger<PresenceSweeper> logger) : BackgroundService
{
    /// <summary>Forgetting old connections takes the write lock; once an hour keeps the table small enough.</summary>
    public static readonly TimeSpan ForgetEvery = TimeSpan.FromHours(1);

    private DateTimeOffset _nextForget = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PresenceSweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await Sweep(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Anything but shutdown, a timeout included, must not end the heartbeats.
                SweepFailed(ex);
            }
        }
    }

    public async Task Sweep(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var local = connections.Snapshot();
        var tracker = services.GetRequiredService<IPresenceTracker>();
        await tracker.Heartbeat([.. local.Keys], clock.GetUtcNow(), cancellationToken);
        await CloseSignedOut(services.GetRequiredService<IChatDbContext>(), local, cancellationToken);

        var expired = await services.GetRequiredService<ISender>().Send(new ExpireDisconnectedPlayers(), cancellationToken);
        if (expired > 0)
        {
            Expired(expired);
        }

        var now = clock.GetUtcNow();
        if (now >= _nextForget)
        {
            _nextForget = now + ForgetEvery;
            var forgotten = await tracker.ForgetEnded(now - options.Value.ConnectionRetention, cancellationToken);
            if (forgotten > 0)
            {
                Forgot(forgotten);
            }
        }
    }

    private async Task CloseSignedOut(IChatDbContext db, IReadOnlyDictionary<string, int> local, CancellationToken cancellationToken)
    {
        var userIds = local.Values.Distinct().ToList();
        if (userIds.Count == 0)
        {
            return;
        }

        var signedOut = await db.Users.Where(u => userIds.Contains(u.Id) && u.SignedOutAt != null).Select(u => u.Id).ToListAsync(cancellationToken);
        foreach (var userId in signedOut)
        {
            connections.Close(userId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} players left their sessions after the disconnect grace period")]
    private partial void Expired(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Count} connections that ended more than the retention period ago")]
    private partial void Forgot(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence sweep failed; it runs again at the next tick")]
    private partial void SweepFailed(Exception error);
}
