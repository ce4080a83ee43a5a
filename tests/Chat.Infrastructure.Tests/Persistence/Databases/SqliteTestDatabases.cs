using Chat.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace Chat.Infrastructure.Tests.Persistence.Databases;

/// <summary>
/// SQLite databases as the service uses them: a file (in a new temporary folder),
/// not an in-memory database, so that separate connections really race for the
/// file's write lock.
/// </summary>
public sealed class SqliteTestDatabases : TestDatabases
{
    public static SqliteTestDatabases Instance { get; } = new();

    private SqliteTestDatabases()
    {
    }

    public override Task<TestDatabase> CreateEmpty(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("chat-sqlite-");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder.FullName, "chat.db") }.ToString();
        return Task.FromResult(new TestDatabase(DatabaseProvider.Sqlite, connectionString, () => Delete(folder, connectionString)));
    }

    private static ValueTask Delete(DirectoryInfo folder, string connectionString)
    {
        // Pooled connections keep the file open.
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
