using Chat.Application.Common.Exceptions;
using Chat.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace Chat.Infrastructure.Tests.Persistence;

/// <summary>
/// Which of SQLite's own failures mean "the database cannot be used right now" (a 503),
/// raised by a real SQLite file: a lock held past the busy timeout and a read-only
/// database are; a refused row is not.
/// </summary>
public sealed class UnavailableDatabaseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chat-unavailable-").FullName;

    private string Source => $"Data Source={Path.Combine(_folder, "chat.db")};Pooling=False";

    [Fact]
    public void AWriteWhileAnotherConnectionHoldsTheLock_IsUnavailable()
    {
        using var holder = Open(Source);
        Execute(holder, "CREATE TABLE t (id INTEGER PRIMARY KEY); BEGIN EXCLUSIVE;");
        using var writer = Open(Source + ";Default Timeout=1");
        Execute(writer, "PRAGMA busy_timeout = 100;");

        var failure = Assert.Throws<SqliteException>(() => Execute(writer, "INSERT INTO t VALUES (1);"));

        Assert.True(UnavailableDatabase.Is(failure), failure.Message);
        Assert.IsType<ServiceUnavailableException>(UnavailableDatabase.Translate(failure));
    }

    [Fact]
    public void AWriteToAReadOnlyDatabase_IsUnavailable()
    {
        using (var setup = Open(Source))
        {
            Execute(setup, "CREATE TABLE t (id INTEGER PRIMARY KEY);");
        }

        using var readOnly = Open(Source + ";Mode=ReadOnly");
        var failure = Assert.Throws<SqliteException>(() => Execute(readOnly, "INSERT INTO t VALUES (1);"));

        Assert.True(UnavailableDatabase.Is(failure), failure.Message);
    }

    [Fact]
    public void ARowRefusedByAUniqueIndex_IsNotUnavailable()
    {
        using var connection = Open(Source);
        Execute(connection, "CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1);");

        var failure = Assert.Throws<SqliteException>(() => Execute(connection, "INSERT INTO t VALUES (1);"));

        Assert.False(UnavailableDatabase.Is(failure));
    }

    [Fact]
    public void ATimeoutWrappedByEf_IsUnavailable() =>
        Assert.True(UnavailableDatabase.Is(new InvalidOperationException("transient", new TimeoutException())));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static SqliteConnection Open(string source)
    {
        var connection = new SqliteConnection(source);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
