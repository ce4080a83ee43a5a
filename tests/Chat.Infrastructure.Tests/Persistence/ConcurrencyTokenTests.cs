using Chat.Application.Common.Exceptions;
using Chat.Infrastructure.Tests.Persistence.Databases;
using Microsoft.EntityFrameworkCore;
using static Chat.Infrastructure.Tests.Persistence.Builders.Build;

namespace Chat.Infrastructure.Tests.Persistence;

/// <summary>
/// A session's Version is a concurrency token: of two requests that changed the
/// same session, the second to save loses. Run against each provider that runs here.
/// </summary>
public abstract class ConcurrencyTokenTests(TestDatabases databases)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveSession_WhenAnotherContextSavedItFirst_ThrowsConcurrencyConflict()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var (host, alice, bob) = (await database.Store(User("host"), Cancel), await database.Store(User("alice"), Cancel), await database.Store(User("bob"), Cancel));
        var stored = await database.Store(Session(host, maxPlayers: 2), Cancel);
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var seenByFirst = await first.Sessions.Include(s => s.Members).SingleAsync(s => s.Id == stored.Id, Cancel);
        var seenBySecond = await second.Sessions.Include(s => s.Members).SingleAsync(s => s.Id == stored.Id, Cancel);
        first.Users.Attach(alice);
        second.Users.Attach(bob);
        seenByFirst.Join(alice, Start);
        seenBySecond.Join(bob, Start);
        await first.SaveChangesAsync(Cancel);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveChangesAsync(Cancel));

        await using var check = database.NewContext();
        var session = await check.Sessions.Include(s => s.Members).SingleAsync(Cancel);
        Assert.Equal(["host", "alice"], session.Players.Select(p => p.Username));
    }
}

public sealed class SqliteConcurrencyTokenTests() : ConcurrencyTokenTests(SqliteTestDatabases.Instance);

public sealed class PostgreSqlConcurrencyTokenTests(PostgreSql.PostgreSqlServer server) : ConcurrencyTokenTests(server);
