using Chat.Infrastructure.Listings;
using Chat.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Persistence;

/// <summary>Reads <c>Database:Provider</c> and <c>ConnectionStrings:Chat</c> and registers the matching context.</summary>
public static class DatabaseSetup
{
    public const string ConnectionStringName = "Chat";

    /// <summary>The embedded default: a SQLite file next to the app.</summary>
    public static string DefaultSqliteConnectionString =>
        $"Data Source={Path.Combine(AppContext.BaseDirectory, "chat.db")}";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException(
                $"Database:Provider '{value}' is not one of {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
    }

    public static IServiceCollection AddChatDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ProviderFrom(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? DefaultSqliteConnectionString
                : throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is required for {provider}.");
        }

        // Every provider moves the lobby listings' version in the transaction of a listed change.
        services.AddSingleton<ListingChangeInterceptor>();
        // Each node reads the version row, one read at a time shared by the requests that ask meanwhile.
        services.AddKeyedScoped<IListingVersion, DatabaseListingVersion>(CoalescedListingVersion.Source);
        services.AddSingleton<IListingVersion, CoalescedListingVersion>();

        // One per service collection (not static): each host, test hosts included, knows only its own refusals.
        var writes = new DatabaseWrites(TimeProvider.System);
        services.AddSingleton(writes);
        var unavailable = new UnavailableDatabaseInterceptor(writes);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var busyTimeout = configuration.GetValue<TimeSpan?>(SqliteConnectionSettings.BusyTimeoutSetting);
                var sqliteSettings = new SqliteConnectionSettings(busyTimeout ?? SqliteConnectionSettings.DefaultBusyTimeout);
                if (busyTimeout is { } timeout)
                {
                    // Microsoft.Data.Sqlite keeps retrying a busy database until the command
                    // timeout, so that must not outlast the busy timeout either.
                    connectionString = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString)
                    {
                        DefaultTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
                    }.ToString();
                }

                services.AddDbContextPool<ChatDbContext, SqliteChatDbContext>((sp, o) =>
                    o.UseSqlite(connectionString).AddInterceptors(sqliteSettings, unavailable, sp.GetRequiredService<ListingChangeInterceptor>()));
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<ChatDbContext, SqlServerChatDbContext>((sp, o) =>
                    o.UseSqlServer(connectionString).AddInterceptors(unavailable, sp.GetRequiredService<ListingChangeInterceptor>()));
                break;
            case DatabaseProvider.PostgreSql:
                var postgreSql = PostgreSqlConnectionDefaults.Apply(connectionString);
                services.AddDbContextPool<ChatDbContext, PostgreSqlChatDbContext>((sp, o) =>
                    o.UseNpgsql(postgreSql).AddInterceptors(unavailable, sp.GetRequiredService<ListingChangeInterceptor>()));
                break;
        }

        services.AddScoped<Application.Common.Interfaces.IChatDbContext>(sp => sp.GetRequiredService<ChatDbContext>());
        services.AddScoped<Application.Common.Interfaces.IDatabaseTransactions, DatabaseTransactions>();
        return services;
    }

    /// <summary>Creates or upgrades the schema; SQLite also switches to write-ahead logging so readers never block the writer.</summary>
    public static async Task MigrateChatDatabase(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        if (db.Database.IsSqlite())
        {
            var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
