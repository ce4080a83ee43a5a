using Chat.Testing.Servers;

namespace Chat.Bench.Hosting;

/// <summary>
/// A PostgreSQL server of the bench's own, from the machine's binaries, committing as
/// in production (fsync, <c>synchronous_commit=on</c>), with one empty database that
/// the first node to start migrates.
/// </summary>
internal sealed class PostgreSqlServiceDatabase : IServiceDatabase
{
    private const string DatabaseName = "chat";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private PostgreSqlInstance? _instance;

    public string Name => "PostgreSQL";

    public TimeSpan ProcessorTime =>
        _instance?.PostmasterProcessId is { } postmaster ? ProcessTreeClock.ProcessorTime(postmaster) : TimeSpan.Zero;

    public async Task<IReadOnlyList<string>> StartAsync()
    {
        var binaries = PostgreSqlBinaries.Find()
            ?? throw new InvalidOperationException($"PostgreSQL is not installed: {PostgreSqlBinaries.Where}.");
        using var timeout = new CancellationTokenSource(StartTimeout);
        _instance = await PostgreSqlInstance.Start(binaries, PostgreSqlDurability.Durable, timeout.Token);
        await _instance.CreateDatabase(DatabaseName, timeout.Token);
        return ["--Database:Provider=PostgreSql", $"--ConnectionStrings:Chat={_instance.ConnectionString(DatabaseName)}"];
    }

    public async ValueTask DisposeAsync()
    {
        if (_instance is not null)
        {
            await _instance.Stop();
        }
    }
}
