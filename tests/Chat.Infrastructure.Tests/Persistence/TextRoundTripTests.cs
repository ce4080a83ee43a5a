using Chat.Application.Messages.GetMessages;
using Chat.Domain.Messages;
using Chat.Infrastructure.Tests.Persistence.Databases;
using Microsoft.EntityFrameworkCore;
using static Chat.Infrastructure.Tests.Persistence.Builders.Build;

namespace Chat.Infrastructure.Tests.Persistence;

/// <summary>
/// What people write comes back exactly as written, whatever the script or the
/// Unicode plane. Run against each provider that runs here.
/// </summary>
public abstract class TextRoundTripTests(TestDatabases databases)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

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
        var session = await database.Store(Session(sender, room: "חדר"), Cancel);
        await database.StoreAll([.. texts.Select(t => Message(session, sender, t))], Cancel);

        var history = await LatestPage(database, session.Id);

        Assert.Equal(texts, history.Select(m => m.Text));
        Assert.All(history, m => Assert.Equal("שרה", m.Sender));
    }

    [Fact]
    public async Task Messages_AtTheLengthLimitOutsideTheBasicPlane_ComeBackExactlyAsSent()
    {
        var text = string.Concat(Enumerable.Repeat("😀", ChatMessage.MaxLength));
        await using var database = await databases.CreateMigrated(Cancel);
        var sender = await database.Store(User("alice"), Cancel);
        var session = await database.Store(Session(sender), Cancel);
        await database.Store(Message(session, sender, text), Cancel);

        var history = await LatestPage(database, session.Id);

        Assert.Equal(text, Assert.Single(history).Text);
    }

    private static async Task<List<ChatMessage>> LatestPage(TestDatabase database, int sessionId)
    {
        await using var db = database.NewContext();
        var page = await History.Page(db.Messages.AsNoTracking().Where(m => m.SessionId == sessionId), default, GetMessages.DefaultLimit)
            .ToListAsync(Cancel);
        return [.. History.OldestFirst(page, after: null)];
    }
}

public sealed class SqliteTextRoundTripTests() : TextRoundTripTests(SqliteTestDatabases.Instance);

public sealed class PostgreSqlTextRoundTripTests(PostgreSql.PostgreSqlServer server) : TextRoundTripTests(server);
