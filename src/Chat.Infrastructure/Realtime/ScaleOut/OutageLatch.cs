namespace Chat.Infrastructure.Realtime.ScaleOut;

/// <summary>
/// Whether a dependency is failing right now, so that an outage is reported once when
/// it starts and once when it ends, however many calls meet it in between.
/// </summary>
internal sealed class OutageLatch
{
    private int _failing;

    /// <summary>True for the first failure of an outage only.</summary>
    public bool Fail() => Interlocked.Exchange(ref _failing, 1) == 0;

    /// <summary>True for the first success after an outage only.</summary>
    public bool Recover() => Volatile.Read(ref _failing) == 1 && Interlocked.Exchange(ref _failing, 0) == 1;
}
