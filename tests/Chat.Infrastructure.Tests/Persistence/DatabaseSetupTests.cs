using Chat.Infrastructure.Persistence;
using Chat.Infrastructure.Persistence.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Tests.Persistence;

/// <summary>
/// Embedded by default, swappable by configuration: <c>Database:Provider</c> and
/// <c>ConnectionStrings:Chat</c> choose the database and nothing else changes.
/// No connection is opened here except to the temporary SQLite file.
/// </summary>
public sealed class DatabaseSetupTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void AddChatDatabase_WithNoConfiguration_UsesASqliteFileNextToTheApp()
    {
        using var services = ServicesFor(new Dictionary<string, string?>());
        using var scope = services.CreateScope();

        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();

        Assert.IsType<SqliteChatDbContext>(db);
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "chat.db"), file);
    }

    [Theory]
    [InlineData("Sqlite", "Data Source=chat.db", typeof(SqliteChatDbContext), "Microsoft.EntityFrameworkCore.Sqlite")]
    [InlineData("SqlServer", "Server=db;Database=Chat", typeof(SqlServerChatDbContext), "Microsoft.EntityFrameworkCore.SqlServer")]
    [InlineData("PostgreSql", "Host=db;Database=chat", typeof(PostgreSqlChatDbContext), "Npgsql.EntityFrameworkCore.PostgreSQL")]
    [InlineData("postgresql", "Host=db;Database=chat", typeof(PostgreSqlChatDbContext), "Npgsql.EntityFrameworkCore.PostgreSQL")]
    public void AddChatDatabase_WithAProviderAndConnectionString_UsesThatProvidersContext(
        string provider, string connectionString, Type expectedContext, string expectedProvider)
    {
        using var services = ServicesFor(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Chat"] = connectionString,
        });
        using var scope = services.CreateScope();

        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();

        Assert.IsType(expectedContext, db);
        Assert.Equal(expectedProvider, db.Database.ProviderName);
        Assert.Same(db, scope.ServiceProvider.GetRequiredService<Application.Common.Interfaces.IChatDbContext>());
    }

    [Fact]
    public void AddChatDatabase_OnPostgreSql_PreparesRepeatedStatementsAndSkipsTheResetOfPooledConnections()
    {
        var connection = PostgreSqlConnection("Host=db;Database=chat");

        Assert.Equal(PostgreSqlConnectionDefaults.MaxAutoPrepare, connection.MaxAutoPrepare);
        Assert.True(connection.NoResetOnClose);
        Assert.Equal("db", connection.Host);
        Assert.Equal("chat", connection.Database);
    }

    [Theory]
    [InlineData("Host=db;Database=chat;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;Database=chat;maxautoprepare=0;NORESETONCLOSE=false")]
    public void AddChatDatabase_OnPostgreSql_KeepsTheConnectionStringsOwnChoice(string connectionString)
    {
        var connection = PostgreSqlConnection(connectionString);

        Assert.Equal(0, connection.MaxAutoPrepare);
        Assert.False(connection.NoResetOnClose);
    }

    [Theory]
    [InlineData("SqlServer")]
    [InlineData("PostgreSql")]
    public void AddChatDatabase_WhenAServerHasNoConnectionString_SaysWhatIsMissing(string provider)
    {
        var configuration = Configuration(new Dictionary<string, string?> { ["Database:Provider"] = provider, ["ConnectionStrings:Chat"] = "" });

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddChatDatabase(configuration));

        Assert.Contains("ConnectionStrings:Chat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddChatDatabase_WhenTheProviderIsUnknown_NamesTheChoices()
    {
        var configuration = Configuration(new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" });

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddChatDatabase(configuration));

        Assert.Contains("Sqlite, SqlServer, PostgreSql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateChatDatabase_WhenTheSqliteFileDoesNotExist_CreatesItsFolderFileAndSchemaInWalMode()
    {
        var root = Directory.CreateTempSubdirectory("chat-setup-");
        try
        {
            var file = Path.Combine(root.FullName, "data", "chat.db");
            var connectionString = $"Data Source={file}";
            await using (var services = ServicesFor(new Dictionary<string, string?> { ["ConnectionStrings:Chat"] = connectionString }))
            {
                await services.MigrateChatDatabase(Cancel);
            }

            Assert.True(File.Exists(file));
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(Cancel);
            Assert.Equal("wal", await Scalar(connection, "PRAGMA journal_mode;"));
            Assert.Equal("4", await Scalar(connection,
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('Users', 'Sessions', 'SessionMembers', 'Messages');"));
            SqliteConnection.ClearPool(connection);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task SqliteConnections_WaitInsideSqliteForAnotherWritersLock_RatherThanFailingBusyAtOnce() =>
        Assert.Equal("30000", await PragmaOnAFreshConnection("busy_timeout"));

    [Fact]
    public async Task SqliteConnections_CheckpointTheWriteAheadLogEveryTenThousandPages_NotSqlitesDefaultThousand() =>
        Assert.Equal("10000", await PragmaOnAFreshConnection("wal_autocheckpoint"));

    [Fact]
    public async Task SqliteConnections_AreToldTheirSettingsWhenFirstOpened_NotAgainEachTimeThePoolHandsThemOut()
    {
        var root = Directory.CreateTempSubdirectory("chat-setup-");
        try
        {
            var connectionString = $"Data Source={Path.Combine(root.FullName, "chat.db")}";
            await using var services = ServicesFor(new Dictionary<string, string?> { ["ConnectionStrings:Chat"] = connectionString });
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
            await db.Database.OpenConnectionAsync(Cancel);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var handle = connection.Handle;
            await Scalar(connection, "PRAGMA busy_timeout = 1234;");
            await db.Database.CloseConnectionAsync();

            await db.Database.OpenConnectionAsync(Cancel);
            var timeout = await Scalar(connection, "PRAGMA busy_timeout;");

            Assert.Same(handle, connection.Handle);
            Assert.Equal("1234", timeout);
            SqliteConnection.ClearPool(connection);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>What a connection of the service's own context reports for a pragma, on a new database file.</summary>
    private static async Task<string?> PragmaOnAFreshConnection(string pragma)
    {
        var root = Directory.CreateTempSubdirectory("chat-setup-");
        try
        {
            var connectionString = $"Data Source={Path.Combine(root.FullName, "chat.db")}";
            await using var services = ServicesFor(new Dictionary<string, string?> { ["ConnectionStrings:Chat"] = connectionString });
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
            await db.Database.OpenConnectionAsync(Cancel);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            try
            {
                return await Scalar(connection, $"PRAGMA {pragma};");
            }
            finally
            {
                SqliteConnection.ClearPool(connection);
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static ServiceProvider ServicesFor(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddChatDatabase(Configuration(settings)).BuildServiceProvider();

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static async Task<string?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(Cancel))?.ToString();
    }

    private static Npgsql.NpgsqlConnectionStringBuilder PostgreSqlConnection(string connectionString)
    {
        using var services = ServicesFor(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Chat"] = connectionString,
        });
        using var scope = services.CreateScope();
        return new Npgsql.NpgsqlConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<ChatDbContext>().Database.GetConnectionString());
    }
}
