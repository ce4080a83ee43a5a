using Chat.Infrastructure.Persistence;
using Chat.Infrastructure.Persistence.Providers;
using Chat.Infrastructure.Tests.Persistence.Databases;
using Chat.Testing.Servers;
using Npgsql;

[assembly: AssemblyFixture(typeof(Chat.Infrastructure.Tests.Persistence.PostgreSql.PostgreSqlServer))]

namespace Chat.Infrastructure.Tests.Persistence.PostgreSql;

/// <summary>
/// One PostgreSQL server for the whole test run, started from the machine's own
/// binaries when a test first asks for a database and stopped (its folder deleted)
/// when the run ends. Each test gets a database of its own: migrated ones are
/// copies of a template migrated once (<c>CREATE DATABASE ... TEMPLATE</c>).
/// Without the binaries the tests are skipped, except under CI (<c>CI=true</c>),
/// where that is a failure.
/// </summary>
public sealed class PostgreSqlServer : TestDatabases, IAsyncDisposable
{
    private const string TemplateName = "chat_template";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly Lazy<Task<PostgreSqlInstance?>> _instance = new(StartIfInstalled);
    private readonly SemaphoreSlim _creating = new(1, 1);
    private bool _templateMigrated;

    private static bool UnderCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public override async Task<TestDatabase> CreateEmpty(CancellationToken cancellationToken) =>
        await Create(template: null, cancellationToken);

    public override async Task<TestDatabase> CreateMigrated(CancellationToken cancellationToken)
    {
        var instance = await Instance();
        await _creating.WaitAsync(cancellationToken);
        try
        {
            if (!_templateMigrated)
            {
                await instance.CreateDatabase(TemplateName, cancellationToken);
                var template = Database(instance, TemplateName);
                await template.Migrate(cancellationToken);

                // A database is copied only while nobody is connected to it.
                ClearPool(template.ConnectionString);
                _templateMigrated = true;
            }
        }
        finally
        {
            _creating.Release();
        }

        return await Create(TemplateName, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_instance.IsValueCreated && await _instance.Value is { } instance)
        {
            NpgsqlConnection.ClearAllPools();
            await instance.Stop();
        }

        _creating.Dispose();
    }

    private async Task<TestDatabase> Create(string? template, CancellationToken cancellationToken)
    {
        var instance = await Instance();
        var name = $"chat_{Guid.NewGuid():N}";
        var copy = template is null ? string.Empty : $" TEMPLATE \"{template}\"";
        await _creating.WaitAsync(cancellationToken);
        try
        {
            await Execute(instance, $"CREATE DATABASE \"{name}\"{copy}", cancellationToken);
        }
        finally
        {
            _creating.Release();
        }

        return Database(instance, name);
    }

    private static TestDatabase Database(PostgreSqlInstance instance, string name)
    {
        var connectionString = instance.ConnectionString(name);
        return new TestDatabase(DatabaseProvider.PostgreSql, connectionString, async () =>
        {
            ClearPool(connectionString);
            await Execute(instance, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
        });
    }

    private async Task<PostgreSqlInstance> Instance()
    {
        if (await _instance.Value is { } instance)
        {
            return instance;
        }

        var missing = $"PostgreSQL is not installed: {PostgreSqlBinaries.Where}.";
        if (UnderCi)
        {
            Assert.Fail($"{missing} CI must run the PostgreSQL tests: install the server (Debian: apt-get install postgresql).");
        }

        Assert.Skip($"{missing} Install the server (Debian: apt-get install postgresql) to run these tests.");
        throw new InvalidOperationException("Unreachable: Assert.Skip throws.");
    }

    private static async Task<PostgreSqlInstance?> StartIfInstalled()
    {
        var binaries = PostgreSqlBinaries.Find();
        if (binaries is null)
        {
            return null;
        }

        // Not any one test's token: the server outlives the test that started it.
        using var timeout = new CancellationTokenSource(StartTimeout);
        return await PostgreSqlInstance.Start(binaries, timeout.Token);
    }

    private static async Task Execute(PostgreSqlInstance instance, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(instance.ConnectionString(PostgreSqlInstance.AdminDatabase));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Closes the idle pooled connections to one database: the pool of the string given
    /// and the pool of the service's own connections, whose string carries the settings
    /// <see cref="PostgreSqlConnectionDefaults"/> adds.
    /// </summary>
    private static void ClearPool(string connectionString)
    {
        foreach (var pooled in new[] { connectionString, PostgreSqlConnectionDefaults.Apply(connectionString) })
        {
            using var connection = new NpgsqlConnection(pooled);
            NpgsqlConnection.ClearPool(connection);
        }
    }
}
