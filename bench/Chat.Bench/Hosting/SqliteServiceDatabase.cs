namespace Chat.Bench.Hosting;

/// <summary>A fresh SQLite file, the service's default provider; it runs inside the service's process.</summary>
internal sealed class SqliteServiceDatabase : IServiceDatabase
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"chat-bench-{Guid.NewGuid():N}.db");

    public string Name => "SQLite";

    public TimeSpan ProcessorTime => TimeSpan.Zero;

    public Task<IReadOnlyList<string>> StartAsync() =>
        Task.FromResult<IReadOnlyList<string>>([$"--ConnectionStrings:Chat=Data Source={_file}"]);

    public ValueTask DisposeAsync()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
        return ValueTask.CompletedTask;
    }
}
