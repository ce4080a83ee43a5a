using Chat.Domain.Games;
using Chat.Domain.Sessions;
using Chat.Domain.Sessions.Events;

namespace Chat.Domain.Tests.Games;

public sealed class GamePhaseTests
{
    [Theory]
    [InlineData("eliza", 2, true)]
    [InlineData("eliza", 4, true)]
    [InlineData("eliza", 1, false)]
    [InlineData(null, 4, false)]
    public void Host_IsAGame_OnlyWithARobotAndTwoOrMoreHumanPlaces(string? robot, int maxPlayers, bool isGame)
    {
        var session = ChatSession.Host(Build.User("alice"), "lounge", robot, maxPlayers, Build.Start);

        Assert.Equal(isGame, session.Game is not null);
    }

    [Fact]
    public void Host_AGame_WaitsWithNoEnd_AndKeepsItsLengths()
    {
        var session = ChatSession.Host(Build.User("alice"), "lounge", "eliza", 3, Build.Start, GameTable.Lengths);

        Assert.Equal(GamePhase.Waiting, session.Game!.Phase);
        Assert.Null(session.Game.EndsAt);
        Assert.Null(session.Game.NextDueAt);
        Assert.Equal(GameTable.Lengths, new GameLengths(session.Game.ChatLength, session.Game.VoteLength));
    }

    [Fact]
    public void Host_WithoutLengths_TakesThreeMinutesOfChatAndFortyFiveSecondsOfVote()
    {
        var game = ChatSession.Host(Build.User("alice"), "lounge", "eliza", 2, Build.Start).Game!;

        Assert.Equal((TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(45)), (game.ChatLength, game.VoteLength));
    }

    [Fact]
    public void Join_ThatStartsTheSession_StartsTheChat_UntilChatLengthFromThen()
    {
        var session = ChatSession.Host(Build.User("alice"), "lounge", "eliza", 2, Build.Start, GameTable.Lengths);
        session.AddRobot(Build.Robot(), Build.Start, TimeSpan.Zero);
        session.ClearEvents();

        session.Join(Build.User("bob"), Build.At(5));

        Assert.Equal(GamePhase.Chat, session.Game!.Phase);
        Assert.Equal(Build.At(5) + GameTable.Lengths.Chat, session.Game.EndsAt);
        Assert.Equal(Build.At(5), session.Game.StartedAt);
        Assert.Contains(new GamePhaseChanged(GamePhase.Chat), session.Events);
    }

    [Fact]
    public void AdvanceGame_BeforeTheChatRunsOut_DoesNothing()
    {
        var table = new GameTable();
        var version = table.Session.Version;

        Assert.False(table.Session.AdvanceGame(table.VoteOpensAt.AddMilliseconds(-1), GameTable.RobotDelay));

        Assert.Equal(GamePhase.Chat, table.Game.Phase);
        Assert.Equal(version, table.Session.Version);
        Assert.Empty(table.Session.Events);
    }

    [Fact]
    public void AdvanceGame_WhenTheChatRunsOut_OpensTheVote_ForVoteLength_WithTheRobotsBallotDueInIt()
    {
        var table = new GameTable();

        Assert.True(table.Session.AdvanceGame(table.VoteOpensAt, GameTable.RobotDelay));

        Assert.Equal(GamePhase.Vote, table.Game.Phase);
        Assert.Equal(table.VoteEndsAt, table.Game.EndsAt);
        Assert.Equal(table.VoteOpensAt + GameTable.RobotDelay, table.Game.RobotVotesAt);
        Assert.Equal(table.VoteOpensAt + GameTable.RobotDelay, table.Game.NextDueAt);
        Assert.Equal([new GamePhaseChanged(GamePhase.Vote)], table.Session.Events);
    }

    [Fact]
    public void AdvanceGame_LateAfterARestart_GivesTheVoteItsFullLengthFromNow()
    {
        var table = new GameTable();
        var late = table.VoteOpensAt.AddMinutes(10);

        table.Session.AdvanceGame(late, GameTable.RobotDelay);

        Assert.Equal(late + GameTable.Lengths.Vote, table.Game.EndsAt);
    }

    [Fact]
    public void AdvanceGame_ARobotDelayBeyondTheVote_IsKeptInsideIt()
    {
        var table = new GameTable();

        table.Session.AdvanceGame(table.VoteOpensAt, TimeSpan.FromHours(1));

        Assert.True(table.Game.RobotVotesAt < table.Game.EndsAt);
    }

    [Fact]
    public void AdvanceGame_RunTwiceAtOnce_ChangesThePhaseOnce()
    {
        var table = new GameTable();
        table.Session.AdvanceGame(table.VoteOpensAt, GameTable.RobotDelay);
        var version = table.Session.Version;

        Assert.False(table.Session.AdvanceGame(table.VoteOpensAt, GameTable.RobotDelay));

        Assert.Equal(version, table.Session.Version);
        Assert.Equal(table.VoteEndsAt, table.Game.EndsAt);
    }

    [Fact]
    public void AdvanceGame_WhenTheVoteRunsOut_EndsTheGameAndTheSession_NamingTheRobot()
    {
        var table = new GameTable().Voting();
        table.Session.Vote(table.Alice.Id, "maya92", table.IntoVote(1));
        table.Session.ClearEvents();

        Assert.True(table.Session.AdvanceGame(table.VoteEndsAt, GameTable.RobotDelay));

        Assert.Equal(GamePhase.Over, table.Game.Phase);
        Assert.Null(table.Game.EndsAt);
        Assert.Null(table.Game.NextDueAt);
        Assert.Equal(SessionState.Inactive, table.Session.State);
        Assert.Equal(
            [
                new GamePhaseChanged(GamePhase.Over),
                new RobotRevealed("maya92"),
                new PlayerLeft(table.Robot.Id, "maya92"),
                new SeatFreed(table.Alice.Id),
                new SeatFreed(table.Bob.Id),
                new SeatFreed(table.Carol.Id),
                new SessionEnded(),
            ],
            table.Session.Events);
        Assert.Empty(table.Session.Players);
        Assert.Equal(4, table.Session.GameVoters);
    }

    [Fact]
    public void AdvanceGame_OnceOver_DoesNothing()
    {
        var table = new GameTable().Voting();
        table.Session.AdvanceGame(table.VoteEndsAt, GameTable.RobotDelay);
        var version = table.Session.Version;

        Assert.False(table.Session.AdvanceGame(table.VoteEndsAt.AddMinutes(1), GameTable.RobotDelay));
        Assert.Equal(version, table.Session.Version);
    }

    [Fact]
    public void AdvanceGame_OfASessionThatIsNoGame_DoesNothing()
    {
        var session = Build.Session(Build.User("alice"), maxPlayers: 2, others: [Build.User("bob")]);

        Assert.False(session.AdvanceGame(Build.At(100), GameTable.RobotDelay));
    }

    [Fact]
    public void Leave_DuringChat_LeavingOneHuman_EndsTheGameAtOnce_WithNoVotes()
    {
        var table = new GameTable(humans: 2);

        table.Session.Leave(table.Bob.Id, Build.At(3), Build.First);

        Assert.Equal(GamePhase.Over, table.Game.Phase);
        Assert.Equal(SessionState.Inactive, table.Session.State);
        var result = table.Game.Result!;
        Assert.Equal("maya92", result.Robot);
        Assert.Empty(result.Votes);
        Assert.False(result.RobotCaught);
        Assert.Contains(new RobotRevealed("maya92"), table.Session.Events);
        Assert.False(table.Session.IsPresent(table.Alice.Id));
    }

    [Fact]
    public void Leave_DuringChat_LeavingTwoHumans_GoesOn()
    {
        var table = new GameTable();

        table.Session.Leave(table.Carol.Id, Build.At(3), Build.First);

        Assert.Equal(GamePhase.Chat, table.Game.Phase);
        Assert.Equal(SessionState.Active, table.Session.State);
    }

    [Fact]
    public void Leave_DuringVote_LeavingOneHuman_EndsTheGame_WithTheVotesSoFar()
    {
        var table = new GameTable(humans: 2).Voting();
        table.Session.Vote(table.Alice.Id, "maya92", table.IntoVote(1));

        table.Session.Leave(table.Bob.Id, table.IntoVote(2), Build.First);

        Assert.Equal(GamePhase.Over, table.Game.Phase);
        var result = table.Game.Result!;
        Assert.Equal([KeyValuePair.Create("alice", "maya92")], result.Votes);
        Assert.Equal(["alice"], result.Correct);
        Assert.True(result.RobotCaught);
    }

    [Fact]
    public void Leave_OfAPendingGamesLastHuman_EndsItQuietly_AsAnyPendingSession()
    {
        var alice = Build.User("alice");
        var session = ChatSession.Host(alice, "lounge", "eliza", 3, Build.Start);
        session.AddRobot(Build.Robot(), Build.Start, TimeSpan.Zero);
        session.ClearEvents();

        session.Leave(alice.Id, Build.At(1), Build.First);

        Assert.Equal(GamePhase.Over, session.Game!.Phase);
        Assert.Null(session.Game.StartedAt);
        Assert.DoesNotContain(session.Events, e => e is RobotRevealed or GamePhaseChanged);
    }

    [Fact]
    public void Leave_OfAPendingGamesLastHuman_BeforeTheRobotSatDown_LeavesNoResult_ForNoRobotTookPart()
    {
        var alice = Build.User("alice");
        var session = ChatSession.Host(alice, "lounge", "eliza", 2, Build.Start);

        session.Leave(alice.Id, Build.At(1), Build.First);

        Assert.Equal(GamePhase.Over, session.Game!.Phase);
        Assert.Null(session.Game.Robot);
        Assert.Null(session.Game.Result);
        Assert.DoesNotContain(session.Events, e => e is RobotRevealed or GamePhaseChanged);
    }

    [Fact]
    public void Leave_OfAPendingGamesLastHuman_AfterTheRobotSatDown_NamesItInTheResult()
    {
        var alice = Build.User("alice");
        var session = ChatSession.Host(alice, "lounge", "eliza", 2, Build.Start);
        session.AddRobot(Build.Robot("maya92"), Build.Start, TimeSpan.Zero);

        session.Leave(alice.Id, Build.At(1), Build.First);

        var result = session.Game!.Result!;
        Assert.Equal(("maya92", false), (result.Robot, result.RobotCaught));
        Assert.Empty(result.Votes);
        Assert.Empty(result.Correct);
    }
}
