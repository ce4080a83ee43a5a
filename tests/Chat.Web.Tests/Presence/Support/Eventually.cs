namespace Chat.Web.Tests.Presence.Support;

/// <summary>Bounded polling for what the presence sweep does in its own time.</summary>
public static class Eventually
{
    /// <summary>Long enough for a grace period of a few seconds and a sweep on a busy machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    public static async Task<T> Value<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Still waiting for {what} after {Patience.TotalSeconds} s; last seen: {value}");
            }

            await Task.Delay(Pause, TestContext.Current.CancellationToken);
        }
    }

    public static Task True(Func<Task<bool>> condition, string what) => Value(condition, done => done, what);
}
