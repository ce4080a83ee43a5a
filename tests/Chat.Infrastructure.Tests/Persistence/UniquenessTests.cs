using Chat.Application.Common.Exceptions;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Chat.Infrastructure.Tests.Persistence.Databases;
using Microsoft.EntityFrameworkCore;
using static Chat.Infrastructure.Tests.Persistence.Builders.Build;

namespace Chat.Infrastructure.Tests.Persistence;

/// <summary>
/// The uniqueness rules live in the database itself: rows are written straight
/// through EF, past the use cases' checks, and a unique index refuses what breaks
/// a rule. Run against each provider that runs here.
/// </summary>
public abstract class UniquenessTests(TestDatabases databases)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveUser_WhenNameDiffersOnlyInCaseOrComposition_IsRefusedByTheDatabase()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        await database.Store(User("Zoë"), Cancel);

        await Assert.ThrowsAsync<UniqueConstraintException>(() => database.Store(User("ZOE\u0308"), Cancel));

        await using var db = database.NewContext();
        Assert.Equal("Zoë", Assert.Single(await db.Users.ToListAsync(Cancel)).Username);
    }

    [Fact]
    public async Task SaveUser_WhenTheSameNameWasSignedOut_IsAccepted()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var first = await database.Store(User("alice"), Cancel);
        await using (var db = database.NewContext())
        {
            var stored = await db.Users.SingleAsync(u => u.Id == first.Id, Cancel);
            stored.SignOut(Start);
            await db.SaveChangesAsync(Cancel);
        }

        var second = await database.Store(User("ALICE"), Cancel);

        await using var check = database.NewContext();
        var signedIn = await check.Users.Where(u => u.SignedOutAt == null).ToListAsync(Cancel);
        Assert.Equal(second.Id, Assert.Single(signedIn).Id);
        Assert.Equal(2, await check.Users.CountAsync(Cancel));
    }

    [Fact]
    public async Task SaveUser_WithThirtyLettersOutsideTheBasicPlane_FitsTheColumn()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var name = string.Concat(Enumerable.Repeat("𝒜", 30));

        await database.Store(User(name), Cancel);

        await using var db = database.NewContext();
        Assert.Equal(name, (await db.Users.SingleAsync(Cancel)).Username);
    }

    [Fact]
    public async Task SaveSession_WhenRoomDiffersOnlyInCase_IsRefusedByTheDatabase()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var (alice, bob) = (await database.Store(User("alice"), Cancel), await database.Store(User("bob"), Cancel));
        await database.Store(Session(alice, room: "Lounge"), Cancel);

        await Assert.ThrowsAsync<UniqueConstraintException>(
            () => database.Store(Session(bob, room: "LOUNGE"), Cancel));
    }

    [Fact]
    public async Task SaveSession_WhenRoomBelongedToAnEndedSession_IsRefusedByTheDatabase()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var (alice, bob) = (await database.Store(User("alice"), Cancel), await database.Store(User("bob"), Cancel));
        var ended = await database.Store(Session(alice, room: "lounge"), Cancel);
        await using (var db = database.NewContext())
        {
            var session = await db.Sessions.Include(s => s.Members).SingleAsync(s => s.Id == ended.Id, Cancel);
            session.Leave(alice.Id, Start, Random.Shared);
            await db.SaveChangesAsync(Cancel);
            Assert.Equal(SessionState.Inactive, session.State);
        }

        await Assert.ThrowsAsync<UniqueConstraintException>(
            () => database.Store(Session(bob, room: "lounge"), Cancel));
    }

    [Fact]
    public async Task SaveMember_WhenUserIsPresentInAnotherSession_IsRefusedByTheDatabase()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var (host, otherHost, alice) = (await database.Store(User("host"), Cancel), await database.Store(User("other"), Cancel), await database.Store(User("alice"), Cancel));
        var first = await database.Store(Session(host, room: "first"), Cancel);
        var second = await database.Store(Session(otherHost, room: "second"), Cancel);
        await Join(database, first.Id, alice);

        // The aggregate sees only its own members; the index sees every session.
        await Assert.ThrowsAsync<UniqueConstraintException>(() => Join(database, second.Id, alice));

        await using var db = database.NewContext();
        Assert.Equal(first.Id, (await db.Members.SingleAsync(m => m.UserId == alice.Id, Cancel)).SessionId);
    }

    [Fact]
    public async Task SaveMember_WhenUserLeftTheirPreviousSession_IsAccepted()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var (host, otherHost, alice) = (await database.Store(User("host"), Cancel), await database.Store(User("other"), Cancel), await database.Store(User("alice"), Cancel));
        var first = await database.Store(Session(host, room: "first"), Cancel);
        var second = await database.Store(Session(otherHost, room: "second"), Cancel);
        await Join(database, first.Id, alice);
        await using (var db = database.NewContext())
        {
            var session = await db.Sessions.Include(s => s.Members).SingleAsync(s => s.Id == first.Id, Cancel);
            session.Leave(alice.Id, Start, Random.Shared);
            await db.SaveChangesAsync(Cancel);
        }

        await Join(database, second.Id, alice);

        await using var check = database.NewContext();
        var stays = await check.Members.Where(m => m.UserId == alice.Id).OrderBy(m => m.Id).ToListAsync(Cancel);
        Assert.Equal([first.Id, second.Id], stays.Select(m => m.SessionId));
        Assert.NotNull(stays[0].LeftAt);
    }

    private static async Task Join(TestDatabase database, int sessionId, User user)
    {
        await using var db = database.NewContext();
        var session = await db.Sessions.Include(s => s.Members).SingleAsync(s => s.Id == sessionId, Cancel);
        db.Users.Attach(user);
        session.Join(user, Start);
        await db.SaveChangesAsync(Cancel);
    }
}

public sealed class SqliteUniquenessTests() : UniquenessTests(SqliteTestDatabases.Instance);

public sealed class PostgreSqlUniquenessTests(PostgreSql.PostgreSqlServer server) : UniquenessTests(server);
