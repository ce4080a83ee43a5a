using System.Collections.Concurrent;
using Chat.Application.Common.Behaviours;
using Chat.Application.Common.Interfaces;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Chat.Application.Tests.Behaviours;

public sealed class PerformanceBehaviourTests
{
    private static readonly TimeSpan OverThreshold = PerformanceBehaviour<Slow, string>.Threshold + TimeSpan.FromMilliseconds(100);

    private readonly FakeTimeProvider _clock = new(Build.Start);
    private readonly WarningLog _log = new();

    [Fact]
    public async Task Handle_AUseCaseSlowerThanTheThreshold_IsLoggedAsAWarningWithItsNameAndCaller()
    {
        var response = await Behaviour(Build.Caller(7, "alice")).Handle(new Slow(), async (_, _) =>
        {
            await Task.Yield();
            _clock.Advance(OverThreshold);
            return "done";
        }, Ct);

        Assert.Equal("done", response);
        var warning = Assert.Single(_log.Warnings);
        Assert.Contains(nameof(Slow), warning, StringComparison.Ordinal);
        Assert.Contains("alice", warning, StringComparison.Ordinal);
        Assert.Contains("600 ms", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_ASlowUseCaseThatFinishesWithoutWaiting_IsLoggedToo()
    {
        await Behaviour(Build.Anonymous()).Handle(new Slow(), (_, _) =>
        {
            _clock.Advance(OverThreshold);
            return ValueTask.FromResult("done");
        }, Ct);

        Assert.Contains("anonymous", Assert.Single(_log.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_ASlowUseCaseThatIsRefused_IsLogged_AndTheRefusalReachesTheCaller()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Behaviour(Build.Caller(7, "alice")).Handle(new Slow(), async (_, _) =>
        {
            await Task.Yield();
            _clock.Advance(OverThreshold);
            throw new InvalidOperationException("refused");
        }, Ct).AsTask());

        Assert.Single(_log.Warnings);
    }

    [Fact]
    public async Task Handle_AUseCaseWithinTheThreshold_LogsNothing()
    {
        var response = await Behaviour(Build.Caller(7, "alice")).Handle(new Slow(), async (_, _) =>
        {
            await Task.Yield();
            _clock.Advance(PerformanceBehaviour<Slow, string>.Threshold);
            return "done";
        }, Ct);

        Assert.Equal("done", response);
        Assert.Empty(_log.Warnings);
    }

    public sealed record Slow : ICommand<string>;

    private PerformanceBehaviour<Slow, string> Behaviour(ICurrentUser caller) =>
        new(_log, _clock, new ServiceCollection().AddSingleton(caller).BuildServiceProvider());

    /// <summary>Keeps the warnings the behaviour writes, formatted as a log would show them.</summary>
    private sealed class WarningLog : ILogger<PerformanceBehaviour<Slow, string>>
    {
        private readonly ConcurrentQueue<string> _warnings = new();

        public IReadOnlyList<string> Warnings => [.. _warnings];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                _warnings.Enqueue(formatter(state, exception));
            }
        }
    }
}
