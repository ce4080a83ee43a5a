using Chat.Application.Sessions.HostSession;
using Chat.Application.Sessions.LeaveSession;
using Chat.Application.Sessions.ListSessions;
using Chat.Application.Sessions.TakeSeat;
using Chat.Infrastructure.Tests.Persistence.Databases;
using static Chat.Infrastructure.Tests.Persistence.Builders.Build;

namespace Chat.Infrastructure.Tests.Persistence.UseCases;

/// <summary>The lobby's listing is one projection query; each provider that runs here must translate and order it alike.</summary>
public abstract class ListSessionsTests(TestDatabases databases)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_ShowsPresentPlayersInSeatingOrder_AndTheHostAfterAHandOver()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var (ann, bob, cat) = (await database.Store(User("ann"), Cancel), await database.Store(User("bob"), Cancel), await database.Store(User("cat"), Cancel));
        await using var useCases = await UseCaseRunner.Start(database, Cancel);
        await useCases.Send(new HostSession("lounge", Robot: null, MaxPlayersAllowed: 4), ann, Cancel);
        await useCases.Send(new TakeSeat("lounge", Random: false), bob, Cancel);
        await useCases.Send(new TakeSeat("lounge", Random: false), cat, Cancel);
        await useCases.Send(new LeaveSession(), bob, Cancel);
        await useCases.Send(new TakeSeat("lounge", Random: false), bob, Cancel);
        await useCases.Send(new LeaveSession(), ann, Cancel);

        var lists = await useCases.Ask(new ListSessions(), caller: null, Cancel);

        var session = Assert.Single(lists.Pending);
        Assert.Equal(["cat", "bob"], session.Players);
        Assert.Contains(session.Host, session.Players);
        Assert.Empty(lists.Active);
    }
}

public sealed class SqliteListSessionsTests() : ListSessionsTests(SqliteTestDatabases.Instance);

public sealed class PostgreSqlListSessionsTests(PostgreSql.PostgreSqlServer server) : ListSessionsTests(server);
