using Chat.Application.Common.Exceptions;
using Chat.Application.Messages.GetMessages;
using Chat.Domain.Sessions;
using Chat.Infrastructure.Persistence;
using Chat.Infrastructure.Tests.Persistence.Databases;
using Microsoft.EntityFrameworkCore;
using static Chat.Infrastructure.Tests.Persistence.Builders.Build;

namespace Chat.Infrastructure.Tests.Persistence;

/// <summary>
/// What the service relies on its database for, run against each provider that can
/// run here (see <see cref="SqlitePersistenceTests"/> and <see cref="PostgreSqlPersistenceTests"/>).
/// Rows are written straight through EF, past the use cases' checks, so that each
/// rule is shown to hold in the database itself.
/// </summary>
public abstract class PersistenceTests(TestDatabases databases)
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
    public async Task Migrate_WhenTheSchemaIsCurrent_KeepsTheRows()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        await database.Store(User("alice"), Cancel);

        await database.Migrate(Cancel);

        await using var db = database.NewContext();
        Assert.Equal("alice", Assert.Single(await db.Users.ToListAsync(Cancel)).Username);
    }

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
            stored.SignOut(Now);
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
        await database.Store(SessionHostedBy(alice).InRoom("Lounge").Build(), Cancel);

        await Assert.ThrowsAsync<UniqueConstraintException>(
            () => database.Store(SessionHostedBy(bob).InRoom("LOUNGE").Build(), Cancel));
    }

    [Fact]
    public async Task SaveSession_WhenRoomBelongedToAnEndedSession_IsRefusedByTheDatabase()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var (alice, bob) = (await database.Store(User("alice"), Cancel), await database.Store(User("bob"), Cancel));
        var ended = await database.Store(SessionHostedBy(alice).InRoom("lounge").Build(), Cancel);
        await using (var db = database.NewContext())
        {
            var session = await db.Sessions.Include(s => s.Members).SingleAsync(s => s.Id == ended.Id, Cancel);
            session.Leave(alice.Id, Now);
            await db.SaveChangesAsync(Cancel);
            Assert.Equal(SessionState.Inactive, session.State);
        }

        await Assert.ThrowsAsync<UniqueConstraintException>(
            () => database.Store(SessionHostedBy(bob).InRoom("lounge").Build(), Cancel));
    }

    [Fact]
    public async Task SaveMember_WhenUserIsPresentInAnotherSession_IsRefusedByTheDatabase()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var (host, otherHost, alice) = (await database.Store(User("host"), Cancel), await database.Store(User("other"), Cancel), await database.Store(User("alice"), Cancel));
        var first = await database.Store(SessionHostedBy(host).InRoom("first").Build(), Cancel);
        var second = await database.Store(SessionHostedBy(otherHost).InRoom("second").Build(), Cancel);
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
        var first = await database.Store(SessionHostedBy(host).InRoom("first").Build(), Cancel);
        var second = await database.Store(SessionHostedBy(otherHost).InRoom("second").Build(), Cancel);
        await Join(database, first.Id, alice);
        await using (var db = database.NewContext())
        {
            var session = await db.Sessions.Include(s => s.Members).SingleAsync(s => s.Id == first.Id, Cancel);
            session.Leave(alice.Id, Now);
            await db.SaveChangesAsync(Cancel);
        }

        await Join(database, second.Id, alice);

        await using var check = database.NewContext();
        var stays = await check.Members.Where(m => m.UserId == alice.Id).OrderBy(m => m.Id).ToListAsync(Cancel);
        Assert.Equal([first.Id, second.Id], stays.Select(m => m.SessionId));
        Assert.NotNull(stays[0].LeftAt);
    }

    [Fact]
    public async Task SaveSession_WhenAnotherContextSavedItFirst_ThrowsConcurrencyConflict()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var (host, alice, bob) = (await database.Store(User("host"), Cancel), await database.Store(User("alice"), Cancel), await database.Store(User("bob"), Cancel));
        var stored = await database.Store(SessionHostedBy(host).ForPlayers(2).Build(), Cancel);
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var seenByFirst = await first.Sessions.Include(s => s.Members).SingleAsync(s => s.Id == stored.Id, Cancel);
        var seenBySecond = await second.Sessions.Include(s => s.Members).SingleAsync(s => s.Id == stored.Id, Cancel);
        seenByFirst.Join(alice, Now);
        seenBySecond.Join(bob, Now);
        await first.SaveChangesAsync(Cancel);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveChangesAsync(Cancel));

        await using var check = database.NewContext();
        var session = await check.Sessions.Include(s => s.Members).SingleAsync(Cancel);
        Assert.Equal(["host", "alice"], session.Players.Select(p => p.Username));
    }

    [Fact]
    public async Task Messages_WithEmojiAndRightToLeftText_ComeBackExactlyAsSent()
    {
        string[] texts =
        [
            "👋🏽 hi 👨‍👩‍👧‍👦 🇫🇷 🏳️‍🌈",
            "שלום עולם",
            "مرحبا بالعالم",
            "\u202Bעברית\u202C and English \u200Fמעורב\u200E",
            "cafe\u0301 is not café",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 Zoë Даша 日本語",
        ];
        await using var database = await databases.CreateMigrated(Cancel);
        var sender = await database.Store(User("שרה"), Cancel);
        var session = await database.Store(SessionHostedBy(sender).InRoom("חדר").Build(), Cancel);
        await database.StoreAll([.. texts.Select(t => Message(session, sender, t))], Cancel);

        var history = await LatestPage(database, session.Id);

        Assert.Equal(texts, history.Select(m => m.Text));
        Assert.All(history, m => Assert.Equal("שרה", m.Sender));
    }

    [Fact]
    public async Task Messages_AtTheLengthLimitOutsideTheBasicPlane_ComeBackExactlyAsSent()
    {
        var text = string.Concat(Enumerable.Repeat("😀", Domain.Messages.ChatMessage.MaxLength));
        await using var database = await databases.CreateMigrated(Cancel);
        var sender = await database.Store(User("alice"), Cancel);
        var session = await database.Store(SessionHostedBy(sender).Build(), Cancel);
        await database.Store(Message(session, sender, text), Cancel);

        var history = await LatestPage(database, session.Id);

        Assert.Equal(text, Assert.Single(history).Text);
    }

    private static async Task Join(TestDatabase database, int sessionId, Domain.Users.User user)
    {
        await using var db = database.NewContext();
        var session = await db.Sessions.Include(s => s.Members).SingleAsync(s => s.Id == sessionId, Cancel);
        session.Join(user, Now);
        await db.SaveChangesAsync(Cancel);
    }

    private static async Task<List<Domain.Messages.ChatMessage>> LatestPage(TestDatabase database, int sessionId)
    {
        await using var db = database.NewContext();
        var page = await History.Page(db.Messages.AsNoTracking().Where(m => m.SessionId == sessionId), afterId: null, beforeId: null, GetMessages.DefaultLimit)
            .ToListAsync(Cancel);
        return [.. History.OldestFirst(page, afterId: null)];
    }
}

public sealed class SqlitePersistenceTests() : PersistenceTests(SqliteTestDatabases.Instance);

public sealed class PostgreSqlPersistenceTests(PostgreSql.PostgreSqlServer server) : PersistenceTests(server);
