using Chat.Application.Common.Interfaces;
using Chat.Application.Presence;
using Chat.Application.Presence.CloseSignedOutConnections;
using Chat.Application.Presence.FindLapsedPlayers;
using Chat.Application.Presence.ForgetEndedConnections;
using Chat.Application.Presence.GiveUpSeat;
using Chat.Infrastructure.Realtime;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Presence;

/// <summary>
/// Each process, on a timer, runs the presence use cases over its own connections:
/// it vouches for them, has those of signed-out users closed, gives up the seats
/// that lapsed (one command each, so one lost race costs one seat a sweep, not the
/// rest) and, hourly, forgets old connection records. The rules are Application's.
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
        var local = connections.Snapshot();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<IPresenceTracker>().Heartbeat([.. local.Keys], clock.GetUtcNow(), cancellationToken);
            var sender = services.GetRequiredService<ISender>();
            await sender.Send(new CloseSignedOutConnections([.. local.Values]), cancellationToken);
            foreach (var player in await sender.Send(new FindLapsedPlayers(), cancellationToken))
            {
                await GiveUp(player, cancellationToken);
            }

            var now = clock.GetUtcNow();
            if (now >= _nextForget)
            {
                _nextForget = now + ForgetEvery;
                var forgotten = await sender.Send(new ForgetEndedConnections(), cancellationToken);
                if (forgotten > 0)
                {
                    Forgot(forgotten);
                }
            }
        }
    }

    /// <summary>In a scope of its own: a command whose transaction failed leaves nothing behind for the next.</summary>
    private async Task GiveUp(LapsedPlayer player, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GiveUpSeat(player.UserId, player.SessionId), cancellationToken))
            {
                GaveUp(player.UserId, player.SessionId);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The next sweep looks again.
            GiveUpFailed(player.UserId, player.SessionId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} left session {SessionId} after the disconnect grace period")]
    private partial void GaveUp(int userId, int sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Giving up the seat of user {UserId} in session {SessionId} failed; the next sweep tries again")]
    private partial void GiveUpFailed(int userId, int sessionId, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Count} connections that ended more than the retention period ago")]
    private partial void Forgot(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence sweep failed; it runs again at the next tick")]
    private partial void SweepFailed(Exception error);
}
