namespace Chat.Bench.Hosting;

/// <summary>The database a chat target's nodes share: prepared before they start, removed after they stop.</summary>
internal interface IServiceDatabase : IAsyncDisposable
{
    /// <summary>Short name for the tables: which database the target runs on.</summary>
    string Name { get; }

    /// <summary>Prepares the database and returns the service's settings that point at it.</summary>
    Task<IReadOnlyList<string>> StartAsync();

    /// <summary>Processor time the database server's own processes have used; zero for an embedded database.</summary>
    TimeSpan ProcessorTime { get; }
}
