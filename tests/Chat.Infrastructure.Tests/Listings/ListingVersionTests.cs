using System.Globalization;
using Chat.Application.Common.Interfaces;
using Chat.Infrastructure.Listings;
using Chat.Infrastructure.Persistence;
using Chat.Infrastructure.Tests.Persistence.Builders;
using Chat.Infrastructure.Tests.Persistence.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Tests.Listings;

/// <summary>
/// The lobby listings' version moves when a change to what they list commits, in the
/// same transaction, and not for a change that rolled back or that no listing shows.
/// The service's own registration on a real database of each provider that runs here;
/// other processes over the same database read the same version.
/// </summary>
public abstract class ListingVersionTests(TestDatabases databases) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await databases.CreateMigrated(Cancel);
        _services = new ServiceCollection().AddLogging().AddChatDatabase(_database.Configuration).BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Read as a listing request reads it: from a scope of its own.</summary>
    private async Task<string?> CurrentVersion()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IListingVersion>().Current(Cancel);
    }

    [Fact]
    public async Task TheVersion_IsTheCountOfListedChangesCommitted()
    {
        var before = long.Parse((await CurrentVersion())!, CultureInfo.InvariantCulture);

        await Save(db => db.Users.Add(Build.User("dave")));
        await Save(db => db.Users.Add(Build.User("erin")));

        Assert.Equal((before + 2).ToString(CultureInfo.InvariantCulture), await CurrentVersion());
        await using var scope = _services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<ChatDbContext>().Set<ListingVersionRecord>().SingleAsync(Cancel);
        Assert.Equal(before + 2, row.Value);
    }

    [Fact]
    public async Task ASavedUser_MovesTheVersion()
    {
        var before = await CurrentVersion();

        await Save(db => db.Users.Add(Build.User("alice")));

        Assert.NotEqual(before, await CurrentVersion());
    }

    [Fact]
    public async Task AChangeInATransaction_MovesTheVersionAtCommitNotBefore()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        var before = await CurrentVersion();

        await using (var transaction = await scope.ServiceProvider.GetRequiredService<IDatabaseTransactions>().Begin(Cancel))
        {
            var host = Build.User("host");
            db.Users.Add(host);
            await db.SaveChangesAsync(Cancel);
            db.Sessions.Add(Build.Session(host));
            await db.SaveChangesAsync(Cancel);
            Assert.Equal(before, await CurrentVersion());

            await transaction.Commit(Cancel);
        }

        Assert.NotEqual(before, await CurrentVersion());
    }

    [Fact]
    public async Task AChangeRolledBack_LeavesTheVersion()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        var before = await CurrentVersion();

        await using (await scope.ServiceProvider.GetRequiredService<IDatabaseTransactions>().Begin(Cancel))
        {
            db.Users.Add(Build.User("bob"));
            await db.SaveChangesAsync(Cancel);
        }

        Assert.Equal(before, await CurrentVersion());
    }

    [Fact]
    public async Task AMessageAlone_LeavesTheVersion()
    {
        var host = Build.User("carol");
        await Save(db => db.Users.Add(host));
        var session = Build.Session(host);
        await Save(db =>
        {
            db.Users.Attach(host);
            db.Sessions.Add(session);
        });
        var before = await CurrentVersion();

        await Save(db => db.Messages.Add(Build.Message(session, host, "hello")));

        Assert.Equal(before, await CurrentVersion());
    }

    private async Task Save(Action<ChatDbContext> change)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        change(db);
        await db.SaveChangesAsync(Cancel);
    }
}

public sealed class SqliteListingVersionTests() : ListingVersionTests(SqliteTestDatabases.Instance);

public sealed class PostgreSqlListingVersionTests(Persistence.PostgreSql.PostgreSqlServer server) : ListingVersionTests(server);
