using Chat.Application.Common.DueTimes;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.DueTimes;

/// <summary>
/// Every node, on a timer, asks Application what is due (<see cref="FindDueWork"/>)
/// and sends each due command in a scope of its own. Due times live in the database
/// with the state they change, so a restarted node, or another one, picks up where a
/// lost one stopped; the commands are idempotent and retried on conflict, so nodes
/// sweeping at the same moment change each thing once (ADR-017). Mechanism only.
/// </summary>
internal sealed partial class DueTimeSweeper(
    IServiceScopeFactory scopes,
    IOptions<DueTimeOptions> options,
    TimeProvider clock,
    ILogger<DueTimeSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await Sweep(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The due times are still stored: the next tick finds them again.
                SweepFailed(ex);
            }
        }
    }

    public async Task Sweep(CancellationToken cancellationToken)
    {
        IReadOnlyList<ICommand<bool>> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new FindDueWork(), cancellationToken);
        }

        foreach (var command in due)
        {
            await CarryOut(command, cancellationToken);
        }
    }

    /// <summary>In a scope of its own: a command whose transaction failed leaves nothing behind for the next.</summary>
    private async Task CarryOut(ICommand<bool> command, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken))
            {
                CarriedOut(command.GetType().Name, command);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            CarryOutFailed(command.GetType().Name, command, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Carried out due {Kind}: {Command}")]
    private partial void CarriedOut(string kind, object command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Due {Kind} failed ({Command}); the next sweep tries again")]
    private partial void CarryOutFailed(string kind, object command, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Due-time sweep failed; it runs again at the next tick")]
    private partial void SweepFailed(Exception error);
}
