using Chat.Domain.Games;
using Chat.Domain.Sessions;
using Chat.Domain.Sessions.Events;

namespace Chat.Domain.Tests.Games;

public sealed class VotingTests
{
    [Fact]
    public void Vote_DuringTheVote_ByAPresentPlayer_ForAnother_IsCounted()
    {
        var table = new GameTable().Voting();
        var version = table.Session.Version;

        table.Session.Vote(table.Alice.Id, "bob", table.IntoVote(1));

        var vote = Assert.Single(table.Game.Votes);
        Assert.Equal(("alice", "bob", false, false), (vote.Voter, vote.Suspect, vote.ByRobot, vote.NamesRobot));
        Assert.Equal([new VotesChanged()], table.Session.Events);
        Assert.Equal(version + 1, table.Session.Version);
        Assert.Equal(GamePhase.Vote, table.Game.Phase);
    }

    [Fact]
    public void Vote_NamesTheSuspect_IgnoringCaseAndSpaces()
    {
        var table = new GameTable().Voting();

        table.Session.Vote(table.Alice.Id, "  MAYA92 ", table.IntoVote(1));

        var vote = Assert.Single(table.Game.Votes);
        Assert.Equal("maya92", vote.Suspect);
        Assert.True(vote.NamesRobot);
    }

    [Fact]
    public void Vote_ChangedBeforeTheEnd_KeepsOnlyTheLastChoice()
    {
        var table = new GameTable().Voting();
        table.Session.Vote(table.Alice.Id, "bob", table.IntoVote(1));

        table.Session.Vote(table.Alice.Id, "carol", table.IntoVote(2));

        var vote = Assert.Single(table.Game.Votes);
        Assert.Equal("carol", vote.Suspect);
    }

    [Fact]
    public void Vote_ByTheRobot_CountsLikeAnyVote_AndClearsItsDueBallot()
    {
        var table = new GameTable().Voting();
        Assert.True(table.Game.RobotBallotDue(table.IntoVote(10)));

        table.Session.Vote(table.Robot.Id, "carol", table.IntoVote(10));

        Assert.True(Assert.Single(table.Game.Votes).ByRobot);
        Assert.Null(table.Game.RobotVotesAt);
        Assert.False(table.Game.RobotBallotDue(table.IntoVote(11)));
        Assert.Equal(table.VoteEndsAt, table.Game.NextDueAt);
    }

    [Fact]
    public void RobotBallotDue_NotBeforeItsMoment()
    {
        var table = new GameTable().Voting();

        Assert.False(table.Game.RobotBallotDue(table.IntoVote(9)));
    }

    [Fact]
    public void Vote_ByEveryPresentPlayer_EndsTheGameAtOnce()
    {
        var table = new GameTable().Voting();
        table.Session.Vote(table.Alice.Id, "maya92", table.IntoVote(1));
        table.Session.Vote(table.Bob.Id, "maya92", table.IntoVote(2));
        table.Session.Vote(table.Carol.Id, "alice", table.IntoVote(3));
        Assert.Equal(GamePhase.Vote, table.Game.Phase);

        table.Session.Vote(table.Robot.Id, "carol", table.IntoVote(4));

        Assert.Equal(GamePhase.Over, table.Game.Phase);
        Assert.Equal(SessionState.Inactive, table.Session.State);
        var result = table.Game.Result!;
        Assert.Equal("maya92", result.Robot);
        Assert.Equal(
            [KeyValuePair.Create("alice", "maya92"), KeyValuePair.Create("bob", "maya92"), KeyValuePair.Create("carol", "alice"), KeyValuePair.Create("maya92", "carol")],
            result.Votes);
        Assert.Equal(["alice", "bob"], result.Correct);
        Assert.True(result.RobotCaught);
        Assert.Equal(4, table.Session.GameVoters);
    }

    [Theory]
    [InlineData(1, 2, false)]
    [InlineData(1, 1, true)]
    [InlineData(2, 3, true)]
    [InlineData(0, 0, false)]
    public void RobotCaught_WhenMoreThanHalfOfTheHumansVotesNamedIt(int naming, int humanVotes, bool caught)
    {
        var table = new GameTable().Voting();
        var voters = new[] { table.Alice, table.Bob, table.Carol };
        for (var i = 0; i < humanVotes; i++)
        {
            var suspect = i < naming ? "maya92" : (voters[i] == table.Alice ? "bob" : "alice");
            table.Session.Vote(voters[i].Id, suspect, table.IntoVote(i + 1));
        }

        // The robot's own vote never counts towards catching it.
        table.Session.AdvanceGame(table.VoteEndsAt, GameTable.RobotDelay);

        Assert.Equal(caught, table.Game.Result!.RobotCaught);
    }

    [Fact]
    public void Vote_ForOneself_IsRefused()
    {
        var table = new GameTable().Voting();

        var refused = Assert.Throws<VoteRefusedException>(() => table.Session.Vote(table.Alice.Id, "alice", table.IntoVote(1)));

        Assert.Equal(VoteRefusal.Self, refused.Reason);
        Assert.Empty(table.Game.Votes);
    }

    [Fact]
    public void Vote_ForSomeoneNotPresent_IsRefused()
    {
        var table = new GameTable().Voting();
        table.Session.Leave(table.Carol.Id, table.IntoVote(1), Build.First);

        Assert.Equal(VoteRefusal.NoSuchSuspect, Assert.Throws<VoteRefusedException>(() => table.Session.Vote(table.Alice.Id, "carol", table.IntoVote(2))).Reason);
        Assert.Equal(VoteRefusal.NoSuchSuspect, Assert.Throws<VoteRefusedException>(() => table.Session.Vote(table.Alice.Id, "nobody", table.IntoVote(2))).Reason);
    }

    [Fact]
    public void Vote_BySomeoneNotPresent_IsRefused()
    {
        var table = new GameTable().Voting();
        var stranger = Build.User("dave");

        Assert.Equal(VoteRefusal.NotAPlayer, Assert.Throws<VoteRefusedException>(() => table.Session.Vote(stranger.Id, "bob", table.IntoVote(1))).Reason);
    }

    [Fact]
    public void Vote_DuringChat_IsRefused()
    {
        var table = new GameTable();

        var refused = Assert.Throws<VoteRefusedException>(() => table.Session.Vote(table.Alice.Id, "bob", table.StartedAt.AddSeconds(5)));

        Assert.Equal(VoteRefusal.NotVoting, refused.Reason);
    }

    [Fact]
    public void Vote_WhileWaiting_IsRefused()
    {
        var alice = Build.User("alice");
        var session = ChatSession.Host(alice, "lounge", "eliza", 3, Build.Start);
        session.AddRobot(Build.Robot("maya92"), Build.Start, TimeSpan.Zero);

        Assert.Equal(VoteRefusal.NotVoting, Assert.Throws<VoteRefusedException>(() => session.Vote(alice.Id, "maya92", Build.At(1))).Reason);
    }

    [Fact]
    public void Vote_OnceTheVoteHasRunOut_IsRefused_EvenBeforeItIsClosed()
    {
        var table = new GameTable().Voting();

        var refused = Assert.Throws<VoteRefusedException>(() => table.Session.Vote(table.Alice.Id, "bob", table.VoteEndsAt));

        Assert.Equal(VoteRefusal.NotVoting, refused.Reason);
    }

    [Fact]
    public void Vote_AfterTheGameIsOver_IsRefused()
    {
        var table = new GameTable().Voting();
        table.Session.AdvanceGame(table.VoteEndsAt, GameTable.RobotDelay);

        // Every seat is freed at the end; a former player is told the vote is over, a stranger that they are none.
        Assert.Equal(VoteRefusal.NotVoting, Assert.Throws<VoteRefusedException>(() => table.Session.Vote(table.Alice.Id, "bob", table.VoteEndsAt.AddSeconds(1))).Reason);
        Assert.Equal(VoteRefusal.NotAPlayer, Assert.Throws<VoteRefusedException>(() => table.Session.Vote(Build.User("dave").Id, "bob", table.VoteEndsAt.AddSeconds(1))).Reason);
    }

    [Fact]
    public void Vote_InASessionThatIsNoGame_IsRefused()
    {
        var bob = Build.User("bob");
        var alice = Build.User("alice");
        var session = Build.Session(alice, maxPlayers: 2, others: [bob]);

        Assert.Equal(VoteRefusal.NotAGame, Assert.Throws<VoteRefusedException>(() => session.Vote(alice.Id, "bob", Build.At(5))).Reason);
    }

    [Fact]
    public void Leave_DuringTheVote_WithdrawsTheLeaversVote_SoEveryoneLeftCanStillEndItEarly()
    {
        var table = new GameTable().Voting();
        table.Session.Vote(table.Carol.Id, "alice", table.IntoVote(1));
        table.Session.Vote(table.Alice.Id, "maya92", table.IntoVote(2));

        table.Session.Leave(table.Carol.Id, table.IntoVote(3), Build.First);

        Assert.Equal(["alice"], table.Game.Votes.Select(v => v.Voter));
        Assert.Equal(3, table.Session.GameVoters);
        table.Session.Vote(table.Bob.Id, "maya92", table.IntoVote(4));
        table.Session.Vote(table.Robot.Id, "bob", table.IntoVote(5));
        Assert.Equal(GamePhase.Over, table.Game.Phase);
    }

    [Fact]
    public void Leave_DuringTheVote_ByTheOnlyPlayerYetToVote_EndsTheGameAtOnce_AsTheLastVoteWould()
    {
        var table = new GameTable().Voting();
        table.Session.Vote(table.Alice.Id, "maya92", table.IntoVote(1));
        table.Session.Vote(table.Bob.Id, "alice", table.IntoVote(2));
        table.Session.Vote(table.Robot.Id, "bob", table.IntoVote(3));
        table.Session.ClearEvents();

        table.Session.Leave(table.Carol.Id, table.IntoVote(4), Build.First);

        Assert.Equal(GamePhase.Over, table.Game.Phase);
        Assert.Equal(SessionState.Inactive, table.Session.State);
        Assert.Equal(3, table.Session.GameVoters);
        var result = table.Game.Result!;
        Assert.Equal(["alice", "bob", "maya92"], result.Votes.Select(v => v.Key));
        Assert.Equal(["alice"], result.Correct);
        Assert.Contains(new GamePhaseChanged(GamePhase.Over), table.Session.Events);
        Assert.Contains(new RobotRevealed("maya92"), table.Session.Events);
        Assert.DoesNotContain(table.Session.Events, e => e is HostChanged);
    }

    [Fact]
    public void Leave_DuringTheVote_WhileAnotherPresentPlayerHasNotVoted_KeepsTheVoteOpen()
    {
        var table = new GameTable().Voting();
        table.Session.Vote(table.Alice.Id, "maya92", table.IntoVote(1));
        table.Session.Vote(table.Robot.Id, "bob", table.IntoVote(2));

        table.Session.Leave(table.Carol.Id, table.IntoVote(3), Build.First);

        Assert.Equal(GamePhase.Vote, table.Game.Phase);
        Assert.Equal((2, 3), (table.Game.Votes.Count, table.Session.GameVoters));
    }
}
