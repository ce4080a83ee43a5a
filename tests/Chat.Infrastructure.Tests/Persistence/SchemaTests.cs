using Chat.Domain.Messages;
using Chat.Infrastructure.Tests.Persistence.Databases;
using Microsoft.EntityFrameworkCore;
using static Chat.Infrastructure.Tests.Persistence.Builders.Build;

namespace Chat.Infrastructure.Tests.Persistence;

/// <summary>
/// Each provider's migrations build the schema the model describes, from nothing
/// and again at every start-up. Run against each provider that runs here.
/// </summary>
public abstract class SchemaTests(TestDatabases databases)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_OnAnEmptyDatabase_AppliesEveryMigrationAndMatchesTheModel()
    {
        await using var database = await databases.CreateEmpty(Cancel);

        await database.Migrate(Cancel);

        await using var db = database.NewContext();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Cancel));
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration of this provider holds.");
        Assert.Equal(0, await db.Users.CountAsync(Cancel) + await db.Sessions.CountAsync(Cancel)
            + await db.Members.CountAsync(Cancel) + await db.Messages.CountAsync(Cancel));
    }

    [Fact]
    public async Task Messages_HaveOnlyTheIndexesHistoryAndResendsNeed()
    {
        await using var database = await databases.CreateEmpty(Cancel);
        await using var db = database.NewContext();

        var indexes = db.Model.FindEntityType(typeof(ChatMessage))!.GetIndexes()
            .Select(index => string.Join(", ", index.Properties.Select(p => p.Name)));

        // Paging by seq (v1's ids read it too), and the client id that makes a resend store
        // nothing: each stored message writes these two and no other.
        Assert.Equal(["SessionId, Seq", "SessionId, SenderId, ClientMsgId"], indexes);
    }

    [Fact]
    public async Task Migrate_WhenTheSchemaIsCurrent_KeepsTheRows()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        await database.Store(User("alice"), Cancel);

        await database.Migrate(Cancel);

        await using var db = database.NewContext();
        Assert.Equal("alice", Assert.Single(await db.Users.ToListAsync(Cancel)).Username);
    }
}

public sealed class SqliteSchemaTests() : SchemaTests(SqliteTestDatabases.Instance)
{
    /// <summary>
    /// SQLite's <c>AUTOINCREMENT</c> would update a counter row on every stored message;
    /// without it a new message takes the largest id plus one (ADR-004, ninth revision).
    /// </summary>
    [Fact]
    public async Task Messages_OnSqlite_TakeTheLargestIdPlusOne_WithoutACounterRow()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var database = await SqliteTestDatabases.Instance.CreateMigrated(cancel);
        await using var db = database.NewContext();

        var table = await db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'Messages'").SingleAsync(cancel);

        Assert.Contains("PRIMARY KEY", table, StringComparison.Ordinal);
        Assert.DoesNotContain("AUTOINCREMENT", table, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class PostgreSqlSchemaTests(PostgreSql.PostgreSqlServer server) : SchemaTests(server);
