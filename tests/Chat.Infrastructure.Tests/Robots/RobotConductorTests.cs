using Chat.Application.Common.Models;
using Chat.Application.Robots.AnnounceRobot;
using Chat.Application.Robots.FindRobotSeat;
using Chat.Application.Robots.SeatRobot;
using Chat.Domain.Messages;
using Chat.Infrastructure.Tests.Robots.Support;
using Microsoft.Extensions.Logging;
using NSubstitute;
using static Chat.Infrastructure.Tests.Robots.Support.ConductorHarness;

namespace Chat.Infrastructure.Tests.Robots;

/// <summary>When a session's robot speaks: after a pause, one reply at a time, never to itself, whatever fails.</summary>
public sealed class RobotConductorTests
{
    private const int Lounge = 1;
    private const int Den = 2;

    [Fact]
    public async Task StopAsync_AgainAfterTheHostStoppedAndDisposedTheConductor_DoesNothing()
    {
        await using var robots = await Start();
        await robots.Conductor.StopAsync(CancellationToken.None);
        robots.Conductor.Dispose();

        await robots.Conductor.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Heard_APlayersMessage_TakesTheRobotsTurnOnlyAfterTheReplyDelay()
    {
        await using var robots = await Start();
        robots.WithRobot(Lounge);

        robots.Hear(Lounge);

        Assert.Equal(Delay, await robots.Time.NextTimer());
        robots.Time.Advance(Delay - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, robots.TurnsTaken);
        robots.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(Lounge, await robots.NextTurn());
    }

    [Fact]
    public async Task PlayerEntered_SeatsTheRobotAfterAPause_OnceThoughEnteredTwice()
    {
        await using var robots = await Start();

        robots.Conductor.PlayerEntered(Lounge);
        robots.Conductor.PlayerEntered(Lounge);

        Assert.Equal(Delay, await robots.Time.NextTimer());
        Assert.DoesNotContain(robots.Sender.ReceivedCalls(), c => c.GetArguments()[0] is SeatRobot);
        robots.Time.Advance(Delay);
        await WaitFor(() => robots.Sender.ReceivedCalls().Any(c => c.GetArguments()[0] is SeatRobot));
        Assert.Equal(new SeatRobot(Lounge), Assert.Single(robots.Sender.ReceivedCalls(), c => c.GetArguments()[0] is SeatRobot).GetArguments()[0]);
    }

    [Fact]
    public async Task RobotSeated_ItEntersTheRoomAtItsMoment_NotBefore()
    {
        await using var robots = await Start();
        var entering = TimeSpan.FromMilliseconds(700);

        robots.Conductor.RobotSeated(Lounge, robots.Time.GetUtcNow() + entering);

        Assert.Equal(entering, await robots.Time.NextTimer());
        Assert.DoesNotContain(robots.Sender.ReceivedCalls(), c => c.GetArguments()[0] is AnnounceRobot);
        robots.Time.Advance(entering);
        await WaitFor(() => robots.Sender.ReceivedCalls().Any(c => c.GetArguments()[0] is AnnounceRobot));
        Assert.Equal(new AnnounceRobot(Lounge), Assert.Single(robots.Sender.ReceivedCalls(), c => c.GetArguments()[0] is AnnounceRobot).GetArguments()[0]);
        Assert.Equal(0, robots.TurnsTaken);
    }

    [Fact]
    public async Task RobotEntered_ItReadsTheRoomInATurn_AfterThePauseOfReading()
    {
        await using var robots = await Start();

        robots.Conductor.RobotEntered(Lounge);

        Assert.Equal(Delay, await robots.Time.NextTimer());
        Assert.Equal(0, robots.TurnsTaken);
        robots.Time.Advance(Delay);
        Assert.Equal(Lounge, await robots.NextTurn());
    }

    [Fact]
    public async Task Heard_WhileTheRobotIsAwaited_TakesNoTurn_AndAsksAgainLater()
    {
        await using var robots = await Start();
        robots.LookUp = _ => ValueTask.FromResult<RobotSeat?>(RobotSeat.Awaited("eliza"));

        robots.Hear(Lounge);
        robots.Hear(Lounge);

        await WaitFor(() => robots.Sender.ReceivedCalls().Count(c => c.GetArguments()[0] is FindRobotSeat) == 2);
        Assert.Equal(0, robots.TurnsTaken);
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }

    [Fact]
    public async Task Heard_DuringThePause_IsReadByThatTurn_WithoutAnotherTurn()
    {
        await using var robots = await Start();
        robots.WithRobot(Lounge);

        robots.Hear(Lounge);
        await robots.Time.NextTimer();
        robots.Hear(Lounge, from: "bob");
        robots.Hear(Lounge);
        await robots.Barrier();
        robots.Time.Advance(Delay);
        await robots.NextTurn();
        await robots.Idle();

        Assert.Equal(1, robots.TurnsTaken);
        Assert.False(robots.Time.HasUnreadTimer);
    }

    [Fact]
    public async Task Heard_WhileTheRobotIsAnswering_StartsNoSecondReply_ButEarnsOneMoreTurnAfterIt()
    {
        await using var robots = await Start();
        robots.WithRobot(Lounge);
        var answering = new TaskCompletionSource<MessageDto?>(TaskCreationOptions.RunContinuationsAsynchronously);
        robots.TakeTurn = _ => new ValueTask<MessageDto?>(answering.Task);

        robots.Hear(Lounge);
        await robots.Time.NextTimer();
        robots.Time.Advance(Delay);
        await robots.NextTurn();
        robots.Hear(Lounge, from: "bob");
        robots.Hear(Lounge);
        await robots.Barrier();

        Assert.Equal(1, robots.TurnsTaken);
        Assert.False(robots.Time.HasUnreadTimer);

        robots.TakeTurn = _ => ValueTask.FromResult<MessageDto?>(null);
        answering.SetResult(null);
        Assert.Equal(Delay, await robots.Time.NextTimer());
        robots.Time.Advance(Delay);
        await robots.NextTurn();
        await robots.Idle();

        Assert.Equal(2, robots.TurnsTaken);
    }

    [Fact]
    public async Task Heard_TheRobotsOwnMessage_IsIgnored()
    {
        await using var robots = await Start();
        robots.WithRobot(Lounge);

        robots.Hear(Lounge, from: RobotName);
        await robots.Barrier();

        Assert.False(robots.Time.HasUnreadTimer);
        Assert.Equal(0, robots.TurnsTaken);
        Assert.Equal(0, robots.Conductor.TurnsUnderWay);
    }

    [Fact]
    public async Task Heard_ASystemNotice_IsIgnored_WithoutEvenALookup()
    {
        await using var robots = await Start();
        robots.WithRobot(Lounge);

        robots.Hear(Lounge, from: "Server", kind: MessageKind.System);
        await robots.Barrier();

        Assert.Equal(0, robots.LookupsOf(Lounge));
        Assert.False(robots.Time.HasUnreadTimer);
    }

    [Fact]
    public async Task Heard_InASessionWithoutARobot_IsLookedUpOnce_AndNeverAnswered()
    {
        await using var robots = await Start();

        robots.Hear(Lounge);
        robots.Hear(Lounge);
        await robots.Barrier();

        Assert.Equal(1, robots.LookupsOf(Lounge));
        Assert.False(robots.Time.HasUnreadTimer);
        Assert.Equal(0, robots.TurnsTaken);
    }

    [Fact]
    public async Task TheRobotsSeat_IsLookedUpOncePerSession()
    {
        await using var robots = await Start();
        robots.WithRobot(Lounge);

        for (var turn = 0; turn < 2; turn++)
        {
            robots.Hear(Lounge);
            await robots.Time.NextTimer();
            robots.Time.Advance(Delay);
            await robots.NextTurn();
            await robots.Idle();
        }

        Assert.Equal(1, robots.LookupsOf(Lounge));
        Assert.Equal(2, robots.TurnsTaken);
    }

    [Fact]
    public async Task Sessions_TakeTheirTurnsIndependently()
    {
        await using var robots = await Start();
        robots.WithRobot(Lounge);
        robots.WithRobot(Den);
        var answering = new TaskCompletionSource<MessageDto?>(TaskCreationOptions.RunContinuationsAsynchronously);
        robots.TakeTurn = id => id == Lounge ? new ValueTask<MessageDto?>(answering.Task) : ValueTask.FromResult<MessageDto?>(null);

        robots.Hear(Lounge);
        robots.Hear(Den);
        await robots.Time.NextTimer();
        await robots.Time.NextTimer();
        robots.Time.Advance(Delay);

        Assert.Equal([Lounge, Den], new[] { await robots.NextTurn(), await robots.NextTurn() }.Order());
        answering.SetResult(null);
    }

    [Fact]
    public async Task AFailedTurn_IsLoggedWithItsSession_AndTheNextMessageGetsATurn()
    {
        await using var robots = await Start();
        robots.WithRobot(Lounge);
        var failure = new InvalidOperationException("the database is down");
        robots.TakeTurn = _ => ValueTask.FromException<MessageDto?>(failure);

        robots.Hear(Lounge);
        await robots.Time.NextTimer();
        robots.Time.Advance(Delay);
        await robots.NextTurn();
        await robots.Idle();

        var entry = Assert.Single(robots.Logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Same(failure, entry.Exception);
        Assert.Equal(Lounge, entry.Values["SessionId"]);

        robots.TakeTurn = _ => ValueTask.FromResult<MessageDto?>(null);
        robots.Hear(Lounge);
        await robots.Time.NextTimer();
        robots.Time.Advance(Delay);
        Assert.Equal(Lounge, await robots.NextTurn());
    }

    [Fact]
    public async Task AFailedLookup_IsLogged_AndTheNextMessageLooksAgain()
    {
        await using var robots = await Start();
        robots.WithRobot(Lounge);
        var answer = robots.LookUp;
        robots.LookUp = id => id == Lounge ? ValueTask.FromException<RobotSeat?>(new TimeoutException("slow database")) : answer(id);

        robots.Hear(Lounge);
        await robots.Barrier();

        var entry = Assert.Single(robots.Logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(Lounge, entry.Values["SessionId"]);
        Assert.False(robots.Time.HasUnreadTimer);

        robots.LookUp = answer;
        robots.Hear(Lounge);
        await robots.Time.NextTimer();
        robots.Time.Advance(Delay);
        Assert.Equal(Lounge, await robots.NextTurn());
    }

    [Fact]
    public async Task Stopping_DuringThePause_TakesNoTurn_AndLogsNothing()
    {
        var robots = await Start();
        robots.WithRobot(Lounge);
        robots.Hear(Lounge);
        await robots.Time.NextTimer();

        await robots.DisposeAsync();

        Assert.Equal(0, robots.TurnsTaken);
        Assert.Empty(robots.Logger.Entries);
        Assert.True(robots.Conductor.ExecuteTask?.IsCompletedSuccessfully);
    }

    [Fact]
    public void Heard_BeforeTheLoopRuns_ReturnsAtOnce()
    {
        var robots = new ConductorHarness();

        robots.Hear(Lounge);

        Assert.Empty(robots.Sender.ReceivedCalls());
    }
}
