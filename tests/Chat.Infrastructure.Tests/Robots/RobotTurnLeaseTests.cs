using Chat.Infrastructure.Robots.Leases;
using Chat.Infrastructure.Tests.Persistence.Databases;
using static Chat.Infrastructure.Tests.Persistence.Builders.Build;

namespace Chat.Infrastructure.Tests.Robots;

/// <summary>The robot turn lease over each provider that runs here: one server at a time, and a lapsed lease is free.</summary>
public abstract class RobotTurnLeaseTests(TestDatabases databases)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TryTake_BySeveralServersAtOnce_IsWonByOne()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var session = await database.Store(Session(await database.Store(User("alice"), Cancel)), Cancel);
        var servers = Enumerable.Range(0, 8).Select(_ => new ServerIdentity()).ToList();

        var taken = await Task.WhenAll(servers.Select(server => Task.Run(async () =>
        {
            await using var db = database.NewContext();
            return await new DatabaseRobotTurnLease(db, server).TryTake(session.Id, Start, Start.AddSeconds(30), Cancel);
        }, Cancel)));

        Assert.Equal(1, taken.Count(t => t));
    }

    [Fact]
    public async Task TryTake_WhileHeld_IsRefused_UntilReleasedOrLapsed()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var session = await database.Store(Session(await database.Store(User("alice"), Cancel)), Cancel);
        await using var db = database.NewContext();
        var (first, second) = (new DatabaseRobotTurnLease(db, new ServerIdentity()), new DatabaseRobotTurnLease(db, new ServerIdentity()));

        Assert.True(await first.TryTake(session.Id, Start, Start.AddSeconds(30), Cancel));
        Assert.False(await second.TryTake(session.Id, Start.AddSeconds(1), Start.AddSeconds(31), Cancel));
        Assert.True(await second.TryTake(session.Id, Start.AddSeconds(31), Start.AddSeconds(61), Cancel));
        Assert.False(await first.TryTake(session.Id, Start.AddSeconds(32), Start.AddSeconds(62), Cancel));

        await second.Release(session.Id, Cancel);
        Assert.True(await first.TryTake(session.Id, Start.AddSeconds(33), Start.AddSeconds(63), Cancel));
    }
}

public sealed class SqliteRobotTurnLeaseTests() : RobotTurnLeaseTests(SqliteTestDatabases.Instance);

public sealed class PostgreSqlRobotTurnLeaseTests(Persistence.PostgreSql.PostgreSqlServer server) : RobotTurnLeaseTests(server);
