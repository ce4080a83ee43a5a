namespace Chat.Infrastructure.Persistence;

/// <summary>
/// Whether the database has just refused a write as unavailable (locked past the busy
/// timeout, read-only, disk full, unreachable). A database can answer every read while
/// refusing every write, so readiness asks this as well as whether it can connect
/// (<see cref="DatabaseReadiness"/>). A refusal is remembered for
/// <see cref="RefusalMemory"/> or until a write commits: a node that gets no traffic
/// while it reports itself unready still comes back, and finds out again with the
/// first write if the fault is still there.
/// </summary>
public sealed class DatabaseWrites(TimeProvider clock)
{
    /// <summary>How long a refused write keeps readiness at 503 when nothing commits meanwhile.</summary>
    public static readonly TimeSpan RefusalMemory = TimeSpan.FromSeconds(10);

    private const long NoRefusal = long.MinValue;

    private long _refusedAt = NoRefusal;

    /// <summary>True while a refusal is fresh and nothing has committed since.</summary>
    public bool RecentlyRefused
    {
        get
        {
            var at = Volatile.Read(ref _refusedAt);
            return at != NoRefusal && clock.GetElapsedTime(at) < RefusalMemory;
        }
    }

    public void Refused() => Volatile.Write(ref _refusedAt, clock.GetTimestamp());

    /// <summary>Called for every commit, so it is one read on the hot path unless a refusal is pending.</summary>
    public void Committed()
    {
        if (Volatile.Read(ref _refusedAt) != NoRefusal)
        {
            Volatile.Write(ref _refusedAt, NoRefusal);
        }
    }
}
