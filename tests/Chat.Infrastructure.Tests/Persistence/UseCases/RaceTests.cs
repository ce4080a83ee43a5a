using System.Text;
using Chat.Application.Common.Exceptions;
using Chat.Application.Sessions.HostSession;
using Chat.Application.Sessions.TakeSeat;
using Chat.Application.Users.RegisterUser;
using Chat.Domain.Common;
using Chat.Domain.Sessions;
using Chat.Infrastructure.Tests.Persistence.Databases;
using Microsoft.EntityFrameworkCore;
using static Chat.Infrastructure.Tests.Persistence.Builders.Build;

namespace Chat.Infrastructure.Tests.Persistence.UseCases;

/// <summary>
/// Many clients at once through the real use cases, on each provider that runs here:
/// the database, not a check before the write, decides who wins, and every loser
/// gets an answer a person can act on (a conflict), never a server error.
/// </summary>
public abstract class RaceTests(TestDatabases databases)
{
    private const int Racers = 20;
    private const int MaxPlayers = 4;
    private const int FreePlaces = MaxPlayers - 1;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Join_WhenTwentyRaceForThreePlaces_ExactlyThreeSucceed()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var host = await database.Store(User("host"), Cancel);
        var racers = await database.StoreAll(Users("racer", Racers), Cancel);
        await using var useCases = await UseCaseRunner.Start(database, Cancel);
        await useCases.Send(new HostSession("lounge", Robot: null, MaxPlayers), host, Cancel);

        var outcome = await Race.Run(racers, racer => useCases.Send(new TakeSeat("LOUNGE", Random: false), racer, Cancel));

        Assert.Equal(FreePlaces, outcome.Winners.Count);
        Assert.DoesNotContain(outcome.Failures, f => f is not (ConflictException or DomainException));
        await AssertSeated(database, [host.Id, .. outcome.Winners.Select(w => w.Id)]);
    }

    [Fact]
    public async Task JoinRandom_WhenTwentyRaceForThreePlaces_ExactlyThreeSucceed()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var host = await database.Store(User("host"), Cancel);
        var racers = await database.StoreAll(Users("racer", Racers), Cancel);
        await using var useCases = await UseCaseRunner.Start(database, Cancel);
        await useCases.Send(new HostSession("lounge", Robot: null, MaxPlayers), host, Cancel);

        var outcome = await Race.Run(racers, racer => useCases.Send(new TakeSeat(Room: null, Random: true), racer, Cancel));

        Assert.Equal(FreePlaces, outcome.Winners.Count);
        Assert.DoesNotContain(outcome.Failures, f => f is not (ConflictException or DomainException or NotFoundException));
        await AssertSeated(database, [host.Id, .. outcome.Winners.Select(w => w.Id)]);
    }

    [Fact]
    public async Task Register_WhenTwentyRaceForOneNameInDifferentCases_ExactlyOneSucceeds()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        await using var useCases = await UseCaseRunner.Start(database, Cancel);
        var spellings = Enumerable.Range(0, Racers).Select(i => Spelling("Zoëlinde", i)).ToList();

        var outcome = await Race.Run(spellings, name => useCases.Send(new RegisterUser(name), caller: null, Cancel));

        Assert.Single(outcome.Winners);
        Assert.All(outcome.Failures, f => Assert.IsType<ConflictException>(f));
        await using var db = database.NewContext();
        Assert.Single(await db.Users.Where(u => u.NormalizedUsername == "ZOËLINDE" && u.SignedOutAt == null).ToListAsync(Cancel));
    }

    [Fact]
    public async Task Host_WhenTenRaceForOneRoomInDifferentCases_ExactlyOneSucceeds()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var hosts = await database.StoreAll(Users("host", Racers / 2), Cancel);
        await using var useCases = await UseCaseRunner.Start(database, Cancel);

        var outcome = await Race.Run(
            hosts.Select((host, i) => (Host: host, Room: Spelling("Lounge", i))),
            entry => useCases.Send(new HostSession(entry.Room, Robot: null, MaxPlayers), entry.Host, Cancel));

        Assert.Single(outcome.Winners);
        Assert.All(outcome.Failures, f => Assert.IsType<ConflictException>(f));
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Sessions.CountAsync(Cancel));
        Assert.Equal(1, await db.Members.CountAsync(Cancel));
    }

    /// <summary>The session is full and started, with exactly these players and no one else seated.</summary>
    private static async Task AssertSeated(TestDatabase database, IReadOnlyCollection<int> playerIds)
    {
        await using var db = database.NewContext();
        var session = await db.Sessions.Include(s => s.Members).SingleAsync(Cancel);
        Assert.Equal(SessionState.Active, session.State);
        Assert.Equal(session.MaxPlayersAllowed, session.HumanPlayerCount);
        Assert.Equal(playerIds.Order(), session.Players.Select(p => p.UserId).Order());
        Assert.Equal(MaxPlayers, await db.Members.CountAsync(Cancel));
    }

    /// <summary>The <paramref name="variant"/>-th spelling of a name: letters upper-cased by its bits, odd ones decomposed.</summary>
    private static string Spelling(string name, int variant)
    {
        var letters = name.Select((c, i) => ((variant >> i) & 1) == 1 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        var spelled = new string([.. letters]);
        return variant % 2 == 1 ? spelled.Normalize(NormalizationForm.FormD) : Names.Normalize(spelled);
    }
}

public sealed class SqliteRaceTests() : RaceTests(SqliteTestDatabases.Instance);

public sealed class PostgreSqlRaceTests(PostgreSql.PostgreSqlServer server) : RaceTests(server);
