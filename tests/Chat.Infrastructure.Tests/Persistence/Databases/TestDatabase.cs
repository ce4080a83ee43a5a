using Chat.Infrastructure.Persistence;
using Chat.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Tests.Persistence.Databases;

/// <summary>
/// One test's own database, named by the two settings the service reads
/// (<c>Database:Provider</c> and <c>ConnectionStrings:Chat</c>). Disposing drops it.
/// </summary>
public sealed class TestDatabase(DatabaseProvider provider, string connectionString, Func<ValueTask> drop) : IAsyncDisposable
{
    public DatabaseProvider Provider { get; } = provider;

    public string ConnectionString { get; } = connectionString;

    public IConfiguration Configuration => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(),
            [$"ConnectionStrings:{DatabaseSetup.ConnectionStringName}"] = ConnectionString,
        })
        .Build();

    /// <summary>A context of its own, as a separate request would have.</summary>
    public ChatDbContext NewContext() => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteChatDbContext(
            new DbContextOptionsBuilder<SqliteChatDbContext>().UseSqlite(ConnectionString).Options),
        DatabaseProvider.PostgreSql => new PostgreSqlChatDbContext(
            new DbContextOptionsBuilder<PostgreSqlChatDbContext>().UseNpgsql(ConnectionString).Options),
        _ => throw new NotSupportedException($"{Provider} cannot run on this machine."),
    };

    /// <summary>Creates or upgrades the schema exactly as the service does at start-up.</summary>
    public async Task Migrate(CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection().AddChatDatabase(Configuration).BuildServiceProvider();
        await services.MigrateChatDatabase(cancellationToken);
    }

    public ValueTask DisposeAsync() => drop();
}
