using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Chat.Application.Common.Models;
using Chat.Application.Robots.FindRobotSeat;
using Chat.Application.Robots.TakeRobotTurn;
using Chat.Domain.Messages;
using Chat.Domain.Robots;
using Chat.Infrastructure.Robots;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace Chat.Infrastructure.Tests.Robots.Support;

/// <summary>
/// A running <see cref="RobotConductor"/> over fake time, with a substituted
/// <see cref="ISender"/> that reports each seat lookup and each turn it is sent.
/// </summary>
internal sealed class ConductorHarness : IAsyncDisposable
{
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    public const string RobotName = "maya92";

    private readonly ServiceProvider _services;
    private readonly ConcurrentDictionary<int, RobotSeat> _seats = new();
    private readonly Channel<int> _lookups = Channel.CreateUnbounded<int>();
    private readonly Channel<int> _turns = Channel.CreateUnbounded<int>();

    /// <summary>Sessions above this id are used as barriers and never have a robot.</summary>
    private int _barrier = 1_000_000;
    private long _messageId;

    [SuppressMessage("Reliability", "CA2012", Justification = "Setting up a substitute calls Send without consuming a ValueTask.")]
    public ConductorHarness()
    {
        LookUp = id => ValueTask.FromResult(_seats.TryGetValue(id, out var seat) ? seat : null);
        Sender.Send(Arg.Any<FindRobotSeat>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var sessionId = call.Arg<FindRobotSeat>().SessionId;
            _lookups.Writer.TryWrite(sessionId);
            return LookUp(sessionId);
        });
        Sender.Send(Arg.Any<TakeRobotTurn>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var sessionId = call.Arg<TakeRobotTurn>().SessionId;
            _turns.Writer.TryWrite(sessionId);
            return TakeTurn(sessionId);
        });

        _services = new ServiceCollection().AddSingleton(Sender).BuildServiceProvider();
        Conductor = new RobotConductor(
            _services.GetRequiredService<IServiceScopeFactory>(),
            HumanPace.Steady(Delay),
            Microsoft.Extensions.Options.Options.Create(new RobotOptions { ReplyDelay = Delay }),
            Time,
            Logger);
    }

    public ISender Sender { get; } = Substitute.For<ISender>();

    public TimerWatch Time { get; } = new();

    public CapturingLogger<RobotConductor> Logger { get; } = new();

    public RobotConductor Conductor { get; }

    /// <summary>How a seat lookup answers; by default, from the seats given to <see cref="WithRobot"/>.</summary>
    public Func<int, ValueTask<RobotSeat?>> LookUp { get; set; }

    /// <summary>How a turn goes; by default it ends at once, silent.</summary>
    public Func<int, ValueTask<MessageDto?>> TakeTurn { get; set; } = _ => ValueTask.FromResult<MessageDto?>(null);

    public int TurnsTaken => Sender.ReceivedCalls().Count(c => c.GetArguments()[0] is TakeRobotTurn);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ConductorHarness> Start()
    {
        var harness = new ConductorHarness();
        await harness.Conductor.StartAsync(Ct);
        return harness;
    }

    public void WithRobot(int sessionId) => _seats[sessionId] = new RobotSeat(UserId: 900 + sessionId, RobotName, "eliza");

    public void Hear(int sessionId, string from = "alice", MessageKind kind = MessageKind.Chat) =>
        Conductor.Heard(new MessageDto(Interlocked.Increment(ref _messageId), sessionId, "lounge", from, "hi", Time.GetUtcNow(), kind, Seq: _messageId, ClientMsgId: null));

    public Task<int> NextTurn() => Patience.Read(_turns, "turn");

    /// <summary>
    /// Returns once the conductor has dealt with every message heard so far: it
    /// takes them in order, and the barrier's session is one it must look up.
    /// </summary>
    public async Task Barrier()
    {
        var sessionId = Interlocked.Increment(ref _barrier);
        Hear(sessionId);
        while (await Patience.Read(_lookups, "seat lookup") != sessionId)
        {
        }
    }

    public Task Idle() => Patience.Until(() => Conductor.TurnsUnderWay == 0, "idle");

    public int LookupsOf(int sessionId) =>
        Sender.ReceivedCalls().Count(c => c.GetArguments()[0] is FindRobotSeat seat && seat.SessionId == sessionId);

    public async ValueTask DisposeAsync()
    {
        await Conductor.StopAsync(CancellationToken.None);
        Conductor.Dispose();
        await _services.DisposeAsync();
    }
}
