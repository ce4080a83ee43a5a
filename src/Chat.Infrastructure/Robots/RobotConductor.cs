using System.Threading.Channels;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Robots.AnnounceRobot;
using Chat.Application.Robots.FindRobotSeat;
using Chat.Application.Robots.SeatRobot;
using Chat.Application.Robots.TakeRobotTurn;
using Chat.Domain.Messages;
using Chat.Domain.Robots;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Robots;

/// <summary>
/// Drives the robots' turns. Players' messages arrive through <see cref="Heard"/>
/// (a queue write, nothing more, as it sits on the send path); a loop asks the
/// <see cref="TurnTaking"/> policy whether each starts a turn, and runs the turns
/// it asks for: the pause a person takes to read the line (<see cref="HumanPace.Reading"/>),
/// then <see cref="TakeRobotTurn"/> in a fresh scope, which types and posts the reply. The rules are the policy's; this class only owns the queue, the clock,
/// the threads and the lock.
/// </summary>
internal sealed partial class RobotConductor(
    IServiceScopeFactory scopes,
    HumanPace pace,
    IOptions<RobotOptions> options,
    TimeProvider time,
    ILogger<RobotConductor> logger) : BackgroundService, IRobotTurns
{
    /// <summary>Beyond the model's own time: reading the room and posting the reply.</summary>
    public static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(5);

    /// <summary>A backlog this long means the loop is far behind; dropping a message then only costs the robot one turn.</summary>
    public const int MaxWaiting = 10_000;

    /// <summary>Sessions whose robot is remembered; past this the memory starts afresh, as a miss costs only one query.</summary>
    public const int MaxRemembered = 10_000;

    private readonly Channel<MessageDto> _heard = Channel.CreateBounded<MessageDto>(
        new BoundedChannelOptions(MaxWaiting) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Session id to its robot, or null for none. Only the loop touches it.</summary>
    private readonly Dictionary<int, RobotSeat?> _seats = [];

    /// <summary>Sessions whose robot is on its way to its seat. Under the lock.</summary>
    private readonly HashSet<int> _arriving = [];

    private readonly Lock _gate = new();
    private readonly TurnTaking _turns = new();
    private readonly List<Task> _running = [];
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _disposed;
    private CancellationToken _stoppingToken;

    /// <summary>The length of the last line each session's robot heard: what its next turn reads. Under the lock.</summary>
    private readonly Dictionary<int, int> _lastHeardLength = [];

    /// <summary>Sessions with a turn under way; for tests to know when the conductor is idle.</summary>
    internal int TurnsUnderWay
    {
        get
        {
            lock (_gate)
            {
                return _turns.TurnsUnderWay;
            }
        }
    }

    public void Heard(MessageDto message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind == MessageKind.Chat)
        {
            _heard.Writer.TryWrite(message);
        }
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _stoppingToken = _stopping.Token;
        return base.StartAsync(cancellationToken);
    }

    public void PlayerEntered(int sessionId)
    {
        lock (_gate)
        {
            if (!_arriving.Add(sessionId))
            {
                return;
            }

            _running.RemoveAll(t => t.IsCompleted);
            // The token was taken when the conductor was made: a join during shutdown must not meet a disposed source.
            _running.Add(Task.Run(() => Arrive(sessionId, _stoppingToken), CancellationToken.None));
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may stop a service again after disposing it (the test host's stop races
        // the stop of the app it runs); the first stop ended everything already.
        if (_disposed)
        {
            return;
        }

        await _stopping.CancelAsync();
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _disposed = true;
        _stopping.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in _heard.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await Consider(message, stoppingToken);
                }
                catch (Exception error)
                {
                    if (stoppingToken.IsCancellationRequested)
                    {
                        break;
                    }

                    LookupFailed(message.SessionId, error);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; the turns under way see the same token.
        }

        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running);
    }

    private async Task Consider(MessageDto message, CancellationToken stoppingToken)
    {
        var seat = await SeatOf(message.SessionId, stoppingToken);
        lock (_gate)
        {
            if (seat is not null && !string.Equals(message.From, seat.Username, StringComparison.Ordinal))
            {
                _lastHeardLength[message.SessionId] = message.Message.Length;
            }

            if (!_turns.Heard(message.SessionId, message.From, seat is { IsSeated: true } ? seat.Username : null))
            {
                return;
            }
        }

        // On the thread pool, so a slow turn never holds up the loop or its lock.
        var turn = Task.Run(() => Turns(message.SessionId, stoppingToken), CancellationToken.None);
        lock (_gate)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(turn);
        }
    }

    private async Task<RobotSeat?> SeatOf(int sessionId, CancellationToken cancellationToken)
    {
        if (_seats.TryGetValue(sessionId, out var known))
        {
            return known;
        }

        await using var scope = scopes.CreateAsyncScope();
        var seat = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new FindRobotSeat(sessionId), cancellationToken);
        if (seat is { IsSeated: false })
        {
            // On its way: asked again until it has sat down.
            return seat;
        }

        if (_seats.Count >= MaxRemembered)
        {
            _seats.Clear();
        }

        _seats[sessionId] = seat;
        return seat;
    }

    /// <summary>One turn, then another while the policy asks for one. Never throws.</summary>
    private async Task Turns(int sessionId, CancellationToken stoppingToken)
    {
        do
        {
            try
            {
                await Task.Delay(pace.Reading(LastHeardLength(sessionId)), time, stoppingToken);
                lock (_gate)
                {
                    _turns.Answering(sessionId);
                }

                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ISender>().Send(new TakeRobotTurn(sessionId, options.Value.ReplyTimeout + LeaseMargin + (options.Value.ReplyDelay * HumanPace.MaxTypingPauses * HumanPace.TypingMost)), stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: whatever failed did so because the host is going away.
                return;
            }
            catch (Exception error)
            {
                // The room goes on without the robot's line; the next message gives it another chance.
                TurnFailed(sessionId, error);
            }
        }
        while (Finished(sessionId));
    }

    /// <summary>The robot sits down a moment after a person entered its room, as a person arriving would. Never throws.</summary>
    private async Task Arrive(int sessionId, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(pace.Arrival(), time, stoppingToken);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new SeatRobot(sessionId), stoppingToken);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; the next person to enter the room brings the robot in.
        }
        catch (Exception error)
        {
            SeatFailed(sessionId, error);
        }
        finally
        {
            lock (_gate)
            {
                _arriving.Remove(sessionId);
            }
        }
    }

    public void RobotSeated(int sessionId, DateTimeOffset entersAt)
    {
        lock (_gate)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(Task.Run(() => Enter(sessionId, entersAt, _stoppingToken), CancellationToken.None));
        }
    }

    /// <summary>
    /// The robot enters its room at the moment stored with its seat. Should this process
    /// stop first, or the entrance fail, the sweep of due times lets it in. Never throws.
    /// </summary>
    private async Task Enter(int sessionId, DateTimeOffset entersAt, CancellationToken stoppingToken)
    {
        try
        {
            var wait = entersAt - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }

            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new AnnounceRobot(sessionId), stoppingToken);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; the sweep of due times lets the robot in.
        }
        catch (Exception error)
        {
            EntranceFailed(sessionId, error);
        }
    }

    /// <summary>Just in the room, the robot reads what was said before it came, as a person arriving would.</summary>
    public void RobotEntered(int sessionId) => ReadTheRoom(sessionId, _stoppingToken);

    private void ReadTheRoom(int sessionId, CancellationToken stoppingToken)
    {
        lock (_gate)
        {
            if (!_turns.Arrived(sessionId))
            {
                return;
            }

            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(Task.Run(() => Turns(sessionId, stoppingToken), CancellationToken.None));
        }
    }

    private bool Finished(int sessionId)
    {
        lock (_gate)
        {
            if (_turns.Finished(sessionId))
            {
                return true;
            }

            _lastHeardLength.Remove(sessionId);
            return false;
        }
    }

    private int LastHeardLength(int sessionId)
    {
        lock (_gate)
        {
            return _lastHeardLength.GetValueOrDefault(sessionId);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Could not find whether session {SessionId} has a robot; it skips this message.")]
    private partial void LookupFailed(int sessionId, Exception error);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "The robot of session {SessionId} could not take its seat; the next person to enter the room brings it in.")]
    private partial void SeatFailed(int sessionId, Exception error);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "The robot of session {SessionId} could not enter its room; the sweep of due times lets it in.")]
    private partial void EntranceFailed(int sessionId, Exception error);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "The robot of session {SessionId} failed to take its turn and stays silent.")]
    private partial void TurnFailed(int sessionId, Exception error);
}
