using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Messages.GetMessages;
using Chat.Application.Messages.SendMessage;
using Chat.Application.Sessions.HostSession;
using Chat.Application.Sessions.TakeSeat;
using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Chat.Infrastructure.Tests.Persistence.Databases;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using static Chat.Infrastructure.Tests.Persistence.Builders.Build;

namespace Chat.Infrastructure.Tests.Persistence.UseCases;

/// <summary>Players' messages through the real use case and the group-commit log, on each provider that runs here.</summary>
public abstract class SendMessageTests(TestDatabases databases)
{
    private const string Room = "lounge";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_WhenThreePlayersPostTwentyMessagesEachAtOnce_StoresEveryMessageOnceInIdOrder()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var players = await database.StoreAll(Users("player", 3), Cancel);
        await using var useCases = await UseCaseRunner.Start(database, Cancel);
        await Seat(useCases, players);
        var posts = players.SelectMany(p => Enumerable.Range(1, 20).Select(i => (Player: p, Text: $"{p.Username} says {i} 👋"))).ToList();

        var outcome = await Race.Run(posts, post => useCases.Send(new SendMessage(post.Player.Username, Room, post.Text), post.Player, Cancel));

        Assert.Empty(outcome.Failures);
        var history = await useCases.Ask(new GetMessages(Room, Limit: GetMessages.MaxLimit), players[0], Cancel);
        var said = history.Where(m => m.From != Username.Server).ToList();
        Assert.Equal(posts.Select(p => p.Text).Order(StringComparer.Ordinal), said.Select(m => m.Message).Order(StringComparer.Ordinal));
        Assert.Equal(said.Select(m => m.Id).Order(), said.Select(m => m.Id));
        foreach (var player in players)
        {
            Assert.Equal(
                posts.Where(p => p.Player == player).Select(p => p.Text).Order(StringComparer.Ordinal),
                said.Where(m => m.From == player.Username).Select(m => m.Message).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Send_WhenTextHoldsANulOrAnUnpairedSurrogate_IsRefusedAsInvalidAndNothingIsStored()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var players = await database.StoreAll(Users("player", 1), Cancel);
        await using var useCases = await UseCaseRunner.Start(database, Cancel);
        await Seat(useCases, players);
        var alice = players[0];

        foreach (var text in new[] { "a\0b", "x\uD800y", "\uDC00" })
        {
            await Assert.ThrowsAsync<ValidationException>(() => useCases.Send(new SendMessage(alice.Username, Room, text), alice, Cancel));
        }

        await using var db = database.NewContext();
        Assert.False(await db.Messages.AnyAsync(m => m.SenderId == alice.Id, Cancel));
    }

    [Fact]
    public async Task Append_WhenTheCallerStopsWaitingOnceItIsAccepted_StillReportsTheStoredMessage()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var players = await database.StoreAll(Users("player", 1), Cancel);
        await using var useCases = await UseCaseRunner.Start(database, Cancel);
        await Seat(useCases, players);
        var alice = players[0];
        using var hangUp = new CancellationTokenSource();

        var appending = useCases.Singleton<IMessageLog>().Append(Draft(alice, "still here"), hangUp.Token);
        await hangUp.CancelAsync();
        var posted = (await appending).Posted;

        Assert.NotNull(posted);
        Assert.True(posted.Message.Id > 0);
        await using var db = database.NewContext();
        Assert.Equal("still here", (await db.Messages.SingleAsync(m => m.Id == posted.Message.Id, Cancel)).Text);
    }

    [Fact]
    public async Task Append_WhenTheCallerHasAlreadyStoppedWaiting_StoresNothing()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var players = await database.StoreAll(Users("player", 1), Cancel);
        await using var useCases = await UseCaseRunner.Start(database, Cancel);
        await Seat(useCases, players);
        var alice = players[0];
        using var hungUp = new CancellationTokenSource();
        await hungUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await useCases.Singleton<IMessageLog>().Append(Draft(alice, "too late"), hungUp.Token));

        await using var db = database.NewContext();
        Assert.False(await db.Messages.AnyAsync(m => m.SenderId == alice.Id, Cancel));
    }

    [Fact]
    public async Task Send_FromSeveralPlayersAtOnce_NumbersTheRoomsMessagesOneToNInStoredOrder_NoticesIncluded_IdsRisingWithSeqs()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var players = await database.StoreAll(Users("player", 3), Cancel);
        await using var useCases = await UseCaseRunner.Start(database, Cancel);
        await Seat(useCases, players);
        var posts = players.SelectMany(p => Enumerable.Range(1, 30).Select(i => (Player: p, Text: $"{p.Username} {i}"))).ToList();

        var outcome = await Race.Run(posts, post => useCases.Send(new SendMessage(post.Player.Username, Room, post.Text), post.Player, Cancel));

        Assert.Empty(outcome.Failures);
        await using var db = database.NewContext();
        var sessionId = await db.Sessions.Where(x => x.Room == Room).Select(x => x.Id).SingleAsync(Cancel);
        var stored = await db.Messages.Where(m => m.SessionId == sessionId).OrderBy(m => m.Seq).Select(m => new { m.Seq, m.Id, m.Text }).ToListAsync(Cancel);
        Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (long)i), stored.Select(m => m.Seq));
        Assert.Equal(stored.Select(m => m.Id).Order(), stored.Select(m => m.Id));
        Assert.Equal(posts.Count, stored.Count(m => m.Text.StartsWith("player", StringComparison.Ordinal)));
        foreach (var player in players)
        {
            var mine = stored.Where(m => m.Text.StartsWith(player.Username + " ", StringComparison.Ordinal)).ToList();
            Assert.Equal(mine.OrderBy(m => m.Id).Select(m => m.Seq), mine.Select(m => m.Seq));
        }
    }

    [Fact]
    public async Task Send_WhenOutsidersPostAmongThePlayers_RefusesOnlyTheirs_AndTheRoomsSeqsHaveNoGap()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var players = await database.StoreAll(Users("player", 2), Cancel);
        var outsider = await database.Store(User("outsider"), Cancel);
        await using var useCases = await UseCaseRunner.Start(database, Cancel);
        await Seat(useCases, players);
        var posts = players.Append(outsider).SelectMany(p => Enumerable.Range(1, 20).Select(i => (Player: p, Room, Text: $"{p.Username} {i}")))
            .Concat(Enumerable.Range(1, 10).Select(i => (Player: players[0], Room: "nowhere", Text: $"lost {i}")))
            .ToList();

        var outcome = await Race.Run(posts, post => useCases.Send(new SendMessage(post.Player.Username, post.Room, post.Text), post.Player, Cancel));
        var after = await useCases.Send(new SendMessage(players[1].Username, Room, "after"), players[1], Cancel);

        Assert.Equal(20, outcome.Failures.Count(f => f is ForbiddenAccessException));
        Assert.Equal(10, outcome.Failures.Count(f => f is NotFoundException));
        Assert.Equal(30, outcome.Failures.Count);
        await using var db = database.NewContext();
        var sessionId = await db.Sessions.Where(x => x.Room == Room).Select(x => x.Id).SingleAsync(Cancel);
        var seqs = await db.Messages.Where(m => m.SessionId == sessionId).OrderBy(m => m.Seq).Select(m => m.Seq).ToListAsync(Cancel);
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);
        Assert.Equal(seqs[^1], after.Seq);
        Assert.Equal(0, await db.Messages.CountAsync(m => m.SenderId == outsider.Id, Cancel));
    }

    [Fact]
    public async Task StopAsync_AgainAfterTheHostStoppedAndDisposedTheLog_DoesNothing()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        await using var useCases = await UseCaseRunner.Start(database, Cancel);
        var log = (IHostedService)useCases.Singleton<IMessageLog>();
        await log.StopAsync(CancellationToken.None);
        ((IDisposable)log).Dispose();

        await log.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Send_StoresARowThatQueriesFind_ByItsTimestampKindSenderAndClientId_AsIfTheContextHadWrittenIt()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var players = await database.StoreAll(Users("player", 1), Cancel);
        await using var useCases = await UseCaseRunner.Start(database, Cancel);
        await Seat(useCases, players);
        var alice = players[0];

        var sent = await useCases.Send(new SendMessage(alice.Username, Room, "נקודה 👋", "c-42"), alice, Cancel);

        await using var db = database.NewContext();
        var stored = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == sent.Id, Cancel);
        Assert.Equal((alice.Id, alice.Username, "נקודה 👋", "c-42", MessageKind.Chat), (stored.SenderId, stored.Sender, stored.Text, stored.ClientMsgId, stored.Kind));
        // The query binds its values as the context writes them: a row written any other way would not be found.
        var found = await db.Messages.AsNoTracking()
            .Where(m => m.Timestamp == stored.Timestamp && m.Kind == MessageKind.Chat && m.Sender == alice.Username && m.ClientMsgId == "c-42")
            .Select(m => m.Id)
            .ToListAsync(Cancel);
        Assert.Equal([sent.Id], found);
    }

    [Fact]
    public async Task Send_TheSameClientIdAgain_AnswersWithTheFirstMessage_AndStoresNothingNew()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var players = await database.StoreAll(Users("player", 2), Cancel);
        await using var useCases = await UseCaseRunner.Start(database, Cancel);
        await Seat(useCases, players);
        var alice = players[0];

        var first = await useCases.Send(new SendMessage(alice.Username, Room, "hello", "m-1"), alice, Cancel);
        var again = await useCases.Send(new SendMessage(alice.Username, Room, "hello (resent)", "m-1"), alice, Cancel);
        var next = await useCases.Send(new SendMessage(alice.Username, Room, "next", "m-2"), alice, Cancel);
        var others = await useCases.Send(new SendMessage(players[1].Username, Room, "mine", "m-1"), players[1], Cancel);

        Assert.Equal((first.Id, first.Seq, "hello", "m-1"), (again.Id, again.Seq, again.Message, again.ClientMsgId));
        Assert.Equal(first.Seq + 1, next.Seq);
        Assert.Equal(next.Seq + 1, others.Seq);
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Messages.CountAsync(m => m.SenderId == alice.Id && m.ClientMsgId == "m-1", Cancel));
    }

    [Fact]
    public async Task Send_TheSameClientIdManyTimesAtOnce_StoresItOnce_AndEveryCallerGetsThatMessage()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var players = await database.StoreAll(Users("player", 1), Cancel);
        await using var useCases = await UseCaseRunner.Start(database, Cancel);
        await Seat(useCases, players);
        var alice = players[0];

        var sends = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            Task.Run(() => useCases.Send(new SendMessage(alice.Username, Room, "once", "tab-1"), alice, Cancel), Cancel)));
        var after = await useCases.Send(new SendMessage(alice.Username, Room, "after"), alice, Cancel);

        Assert.Single(sends.Select(m => (m.Id, m.Seq)).Distinct());
        Assert.Equal(sends[0].Seq + 1, after.Seq);
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Messages.CountAsync(m => m.SenderId == alice.Id && m.ClientMsgId == "tab-1", Cancel));
    }

    private static MessageDraft Draft(User sender, string text) =>
        new(sender.Id, sender.Username, RoomName.Of(Room), text, DateTimeOffset.UtcNow);

    /// <summary>The first player hosts the room, the others join it; room for all of them and one more.</summary>
    private static async Task Seat(UseCaseRunner useCases, IReadOnlyList<User> players)
    {
        await useCases.Send(new HostSession(Room, Robot: null, players.Count + 1), players[0], Cancel);
        foreach (var player in players.Skip(1))
        {
            await useCases.Send(new TakeSeat(Room, Random: false), player, Cancel);
        }
    }
}

public sealed class SqliteSendMessageTests() : SendMessageTests(SqliteTestDatabases.Instance);

public sealed class PostgreSqlSendMessageTests(PostgreSql.PostgreSqlServer server) : SendMessageTests(server);
