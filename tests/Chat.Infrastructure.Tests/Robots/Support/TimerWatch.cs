using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Chat.Infrastructure.Tests.Robots.Support;

/// <summary>
/// Fake time that also says when a timer is set, so a test moves the clock only
/// once the code under test is actually waiting: moved earlier, the wait would
/// start late and the test would prove nothing about the pause.
/// </summary>
internal sealed class TimerWatch : TimeProvider
{
    private readonly FakeTimeProvider _fake = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _fake.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    public void Advance(TimeSpan by) => _fake.Advance(by);

    /// <summary>The due time of the next timer set, waiting for it if need be.</summary>
    public Task<TimeSpan> NextTimer() => Patience.Read(_timers, "timer");

    /// <summary>Whether a timer was set that no test has read yet.</summary>
    public bool HasUnreadTimer => _timers.Reader.TryPeek(out _);
}

/// <summary>Reads what a background loop reports, failing (not hanging) when it does not come.</summary>
internal static class Patience
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public static async Task<T> Read<T>(Channel<T> channel, string what)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(Limit);
        try
        {
            return await channel.Reader.ReadAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No {what} within {Limit.TotalSeconds} s.");
        }
    }

    /// <summary>For a state a background thread reaches on its own; checked often, for at most <see cref="Limit"/>.</summary>
    public static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not {what} within {Limit.TotalSeconds} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), TestContext.Current.CancellationToken);
        }
    }
}
