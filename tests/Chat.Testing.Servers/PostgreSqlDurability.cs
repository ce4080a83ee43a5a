namespace Chat.Testing.Servers;

/// <summary>How a <see cref="PostgreSqlInstance"/> commits.</summary>
public enum PostgreSqlDurability
{
    /// <summary>No fsync, no synchronous commit: fast, and lost with the machine, as test data may be.</summary>
    Throwaway,

    /// <summary>fsync and <c>synchronous_commit=on</c>, as in production: what a benchmark must pay for a commit.</summary>
    Durable,
}
