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
        await services.GetRequiredService<IPresenceTracker>().Heartbeat([.. local.Keys], clock.GetUtcNow(), cancellationToken);
        await CloseSignedOut(services.GetRequiredService<IChatDbContext>(), local, cancellationToken);

        var expired = await services.GetRequiredService<ISender>().Send(new ExpireDisconnectedPlayers(), cancellationToken);
        if (expired > 0)
        {
            Expired(expired);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence sweep failed; it runs again at the next tick")]
    private partial void SweepFailed(Exception error);
}
