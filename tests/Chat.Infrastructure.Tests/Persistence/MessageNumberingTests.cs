using Chat.Infrastructure.Tests.Persistence.Databases;
using Microsoft.EntityFrameworkCore;
using static Chat.Infrastructure.Tests.Persistence.Builders.Build;

namespace Chat.Infrastructure.Tests.Persistence;

/// <summary>
/// Messages saved through the context (notices) are numbered in the order they were
/// added, and a room's ids rise with its seqs: v1 history pages by id through the
/// seq index. Run against each provider that runs here.
/// </summary>
public abstract class MessageNumberingTests(TestDatabases databases)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Save_SeveralMessagesOfTwoRoomsAtOnce_NumbersEachRoomInTheOrderAdded_WithIdsRisingWithSeqs()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var alice = await database.Store(User("alice"), Cancel);
        var lounge = await database.Store(Session(alice, room: "lounge"), Cancel);
        var bob = await database.Store(User("bob"), Cancel);
        var den = await database.Store(Session(bob, room: "den"), Cancel);

        await database.StoreAll(
            [Message(lounge, alice, "l1"), Message(den, bob, "d1"), Message(lounge, alice, "l2"), Message(lounge, alice, "l3"), Message(den, bob, "d2")],
            Cancel);

        await using var db = database.NewContext();
        foreach (var (room, texts) in new[] { (lounge, new[] { "l1", "l2", "l3" }), (den, new[] { "d1", "d2" }) })
        {
            var stored = await db.Messages.Where(m => m.SessionId == room.Id).OrderBy(m => m.Seq).Select(m => new { m.Id, m.Seq, m.Text }).ToListAsync(Cancel);
            Assert.Equal(texts, stored.Select(m => m.Text));
            Assert.Equal(Enumerable.Range(1, texts.Length).Select(i => (long)i), stored.Select(m => m.Seq));
            Assert.Equal(stored.Select(m => m.Id).Order(), stored.Select(m => m.Id));
        }
    }
}

public sealed class SqliteMessageNumberingTests() : MessageNumberingTests(SqliteTestDatabases.Instance);

public sealed class PostgreSqlMessageNumberingTests(PostgreSql.PostgreSqlServer server) : MessageNumberingTests(server);
