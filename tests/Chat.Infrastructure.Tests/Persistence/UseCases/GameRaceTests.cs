using Chat.Application.Games.AdvanceGame;
using Chat.Application.Games.CastVote;
using Chat.Domain.Games;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Chat.Infrastructure.Tests.Persistence.Databases;
using Microsoft.EntityFrameworkCore;
using static Chat.Infrastructure.Tests.Persistence.Builders.Build;

namespace Chat.Infrastructure.Tests.Persistence.UseCases;

/// <summary>
/// A game's due phase change run by many nodes at once, and votes racing each other,
/// on each provider that runs here: the session's concurrency token lets one change
/// win and the retry loop keeps every vote.
/// </summary>
public abstract class GameRaceTests(TestDatabases databases)
{
    private const int Nodes = 10;

    private static readonly GameLengths Lengths = new(TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AdvanceGame_WhenTenNodesOpenTheVoteAtOnce_ItOpensOnce()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var game = await Seed(database, voting: false);
        await using var useCases = await UseCaseRunner.Start(database, Cancel);

        var outcome = await Race.Run(Enumerable.Range(0, Nodes), async _ =>
        {
            if (!await useCases.Send(new AdvanceGame(game.SessionId), caller: null, Cancel))
            {
                throw new InvalidOperationException("Nothing was due any more.");
            }
        });

        // The due-time sweeper of the composed host may be the one that wins.
        Assert.True(outcome.Winners.Count <= 1);
        Assert.All(outcome.Failures, f => Assert.IsType<InvalidOperationException>(f));
        Assert.Equal(1, await Count(database, game.SessionId, "Time to vote: who is the robot?"));
        Assert.Equal(GamePhase.Vote, (await Load(database, game.SessionId)).Game!.Phase);
    }

    [Fact]
    public async Task CastVote_WhenEveryHumanVotesAtOnce_EveryVoteIsKept()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var game = await Seed(database, voting: true);
        await using var useCases = await UseCaseRunner.Start(database, Cancel);

        var outcome = await Race.Run(game.Humans, human => useCases.Send(new CastVote("lounge", game.Robot.Username), human, Cancel));

        Assert.Empty(outcome.Failures);
        var votes = (await Load(database, game.SessionId)).Game!.Votes;
        Assert.Equal(game.Humans.Select(h => h.Username).Order(), votes.Select(v => v.Voter).Order());
    }

    [Fact]
    public async Task AdvanceGame_WhenTenNodesCloseTheVoteAtOnce_ItClosesOnce_WithTheVotesCast()
    {
        await using var database = await databases.CreateMigrated(Cancel);
        var game = await Seed(database, voting: true, voteFrom: 0);
        await using var useCases = await UseCaseRunner.Start(database, Cancel);

        var outcome = await Race.Run(Enumerable.Range(0, Nodes), _ => useCases.Send(new AdvanceGame(game.SessionId), caller: null, Cancel));

        Assert.Empty(outcome.Failures);
        var session = await Load(database, game.SessionId);
        Assert.Equal(SessionState.Inactive, session.State);
        Assert.Equal([KeyValuePair.Create(game.Humans[0].Username, game.Robot.Username)], session.Game!.Result!.Votes);
        Assert.Equal(1, await Count(database, game.SessionId, $"The robot was {game.Robot.Username}."));
        Assert.Equal(1, await Count(database, game.SessionId, "The session has ended."));
    }

    /// <summary>
    /// Three humans and a robot whose chat ran out long ago; with <paramref name="voting"/>,
    /// the vote is open (until an hour from now, or already over when a vote is cast by
    /// the human at <paramref name="voteFrom"/>).
    /// </summary>
    private static async Task<SeededGame> Seed(TestDatabase database, bool voting, int? voteFrom = null)
    {
        var humans = await database.StoreAll(Users("player", 3), Cancel);
        var robot = await database.Store(Domain.Users.User.RegisterRobot("maya92", Start), Cancel);
        var now = DateTimeOffset.UtcNow;
        var startedAt = voteFrom is null ? now - TimeSpan.FromMinutes(1) : now - TimeSpan.FromHours(2);
        var session = ChatSession.Host(humans[0], "lounge", "eliza", 3, startedAt, Lengths);
        session.AddRobot(robot, startedAt, TimeSpan.Zero);
        session.AnnounceRobot(startedAt);
        session.Join(humans[1], startedAt);
        session.Join(humans[2], startedAt);
        if (voting)
        {
            session.AdvanceGame(startedAt + TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(50));
        }

        if (voteFrom is { } voter)
        {
            session.Vote(humans[voter].Id, robot.Username, startedAt + TimeSpan.FromSeconds(2));
        }

        session.ClearEvents();
        await using (var db = database.NewContext())
        {
            db.Users.AttachRange([.. humans, robot]);
            db.Sessions.Add(session);
            await db.SaveChangesAsync(Cancel);
        }

        return new SeededGame(session.Id, humans, robot);
    }

    private static async Task<ChatSession> Load(TestDatabase database, int sessionId)
    {
        await using var db = database.NewContext();
        return await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, Cancel);
    }

    private static async Task<int> Count(TestDatabase database, int sessionId, string text)
    {
        await using var db = database.NewContext();
        return await db.Messages.CountAsync(m => m.SessionId == sessionId && m.Text == text, Cancel);
    }

    private sealed record SeededGame(int SessionId, IReadOnlyList<User> Humans, User Robot);
}

public sealed class SqliteGameRaceTests() : GameRaceTests(SqliteTestDatabases.Instance);

public sealed class PostgreSqlGameRaceTests(PostgreSql.PostgreSqlServer server) : GameRaceTests(server);
