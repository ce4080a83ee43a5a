using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Games.AdvanceGame;
using Chat.Application.Games.CastRobotVote;
using Chat.Application.Sessions.Common;
using Chat.Domain.Games;
using Chat.Domain.Sessions;
using NSubstitute;

namespace Chat.Application.Tests.Games;

/// <summary>Due phase changes, found in the database and carried out once, on a clock the test drives.</summary>
public sealed class AdvanceGameTests : IDisposable
{
    private readonly TestDatabase _data = new();
    private readonly IChatBroadcaster _broadcaster = Substitute.For<IChatBroadcaster>();
    private readonly GameData _game;

    public AdvanceGameTests() => _game = new GameData(_data, _broadcaster);

    [Fact]
    public async Task Due_DuringTheChat_IsNothing()
    {
        await _game.Started();
        _game.At(GameData.VoteOpens - TimeSpan.FromMilliseconds(1));

        Assert.Empty(await _game.Due());
    }

    [Fact]
    public async Task Due_WhenTheChatRunsOut_IsTheGamesAdvance()
    {
        await _game.Started();
        _game.At(GameData.VoteOpens);

        var due = Assert.Single(await _game.Due());

        Assert.IsType<AdvanceGame>(due);
    }

    [Fact]
    public async Task Sweep_WhenTheChatRunsOut_OpensTheVote_PostsTheNotice_AndTellsTheRoomAfterCommit()
    {
        await _game.Started();
        _game.At(GameData.VoteOpens);

        Assert.Equal(1, await _game.Sweep());

        var game = await _game.Game();
        Assert.Equal(GamePhase.Vote, game.Phase);
        Assert.Equal(_game.StartedAt + GameData.VoteEnds, game.EndsAt);
        Assert.Equal([SessionNotices.VoteOpened], await _data.TextsIn(GameData.Room));
        await _broadcaster.Received(1).GameUpdated(
            Arg.Any<int>(),
            Arg.Is<GameDto>(g => g.Phase == GamePhase.Vote && g.EndsAt == game.EndsAt && g.Voters == 4 && g.VotesCast == 0 && g.Result == null),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Sweep_RunAgain_ChangesNothingMore()
    {
        await _game.Started();
        _game.At(GameData.VoteOpens);
        await _game.Sweep();

        Assert.Equal(0, await _game.Sweep());
        Assert.False(await _game.Run(new AdvanceGame((await _data.FindSession(GameData.Room)).Id)));

        Assert.Equal([SessionNotices.VoteOpened], await _data.TextsIn(GameData.Room));
    }

    [Fact]
    public async Task Advance_RacingAnotherNode_ChangesThePhaseOnce()
    {
        await _game.Started();
        _game.At(GameData.VoteOpens);
        var sessionId = (await _data.FindSession(GameData.Room)).Id;
        var other = new GameData(_data, _broadcaster);
        var otherWon = false;
        await using var use = new UseCase(_data, _broadcaster, new CompetingRequest(async () => otherWon = await other.Run(new AdvanceGame(sessionId))));

        var won = await use.Run(new AdvanceGameHandler(use.Db, use.Committer, _data.Clock), new AdvanceGame(sessionId));

        Assert.True(otherWon);
        Assert.False(won);
        Assert.Equal([SessionNotices.VoteOpened], await _data.TextsIn(GameData.Room));
        Assert.Equal(GamePhase.Vote, (await _game.Game()).Phase);
    }

    [Fact]
    public async Task Sweep_WhenTheVoteRunsOut_KeepsTheVotesCast_EndsTheGameAndTheSession_Once()
    {
        await _game.Started();
        _game.At(GameData.VoteOpens);
        await _game.Sweep();
        _game.At(GameData.VoteOpens + TimeSpan.FromSeconds(1));
        await _game.Vote(_game.Alice, GameData.RobotName);
        await _game.Vote(_game.Bob, "carol");

        // A node that restarted finds the stored due time and closes the vote.
        _game.At(GameData.VoteEnds);
        Assert.Equal(1, await _game.Sweep());
        Assert.Equal(0, await _game.Sweep());

        var game = await _game.Game();
        Assert.Equal(GamePhase.Over, game.Phase);
        var result = game.Result!;
        Assert.Equal(GameData.RobotName, result.Robot);
        Assert.Equal(["alice"], result.Correct);
        Assert.False(result.RobotCaught);
        Assert.Equal(SessionState.Inactive, await _game.State());
        Assert.Equal(
            [SessionNotices.VoteOpened, SessionNotices.RobotWas(GameData.RobotName), SessionNotices.Left(GameData.RobotName), SessionNotices.Ended],
            await _data.TextsIn(GameData.Room));
        Assert.False((await _data.FindUser(_game.Robot.Id)).IsSignedIn);
        await _broadcaster.Received(1).GameUpdated(
            Arg.Any<int>(),
            Arg.Is<GameDto>(g => g.Phase == GamePhase.Over && g.EndsAt == null && g.VotesCast == 2 && g.Voters == 4 && g.Result != null),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Due_DuringTheVote_IsTheRobotsBallot_AtItsStoredMoment()
    {
        await _game.Started();
        _game.At(GameData.VoteOpens);
        await _game.Sweep();
        var ballotAt = (await _game.Game()).RobotVotesAt!.Value;
        Assert.InRange(ballotAt - (_game.StartedAt + GameData.VoteOpens), GameData.Lengths.Vote * AdvanceGameHandler.EarliestBallot, GameData.Lengths.Vote * AdvanceGameHandler.LatestBallot);

        _data.Clock.SetUtcNow(ballotAt - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await _game.Due());
        _data.Clock.SetUtcNow(ballotAt);
        Assert.IsType<CastRobotVote>(Assert.Single(await _game.Due()));
    }

    [Fact]
    public async Task RobotBallot_NamesAHuman_OnceAndOnlyOnce_AndIsToldToTheRoomAsAVote()
    {
        await _game.Started();
        await _data.AddMessages(_game.Bob, GameData.Room, "maya92 you are a bot for sure");
        _game.At(GameData.VoteOpens);
        await _game.Sweep();
        _data.Clock.SetUtcNow((await _game.Game()).RobotVotesAt!.Value);

        Assert.Equal(1, await _game.Sweep());
        Assert.Equal(0, await _game.Sweep());

        var vote = Assert.Single((await _game.Game()).Votes);
        Assert.Equal(GameData.RobotName, vote.Voter);
        Assert.NotEqual(GameData.RobotName, vote.Suspect);
        Assert.False(vote.NamesRobot);
        await _broadcaster.Received(1).GameUpdated(
            Arg.Any<int>(),
            Arg.Is<GameDto>(g => g.Phase == GamePhase.Vote && g.VotesCast == 1),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Votes_OfEveryPlayer_EndTheGameEarly_WithTheResult()
    {
        await _game.Started();
        _game.At(GameData.VoteOpens);
        await _game.Sweep();
        _game.At(GameData.VoteOpens + TimeSpan.FromSeconds(1));
        await _game.Vote(_game.Alice, GameData.RobotName);
        await _game.Vote(_game.Bob, GameData.RobotName);
        await _game.Vote(_game.Carol, "alice");
        _data.Clock.SetUtcNow((await _game.Game()).RobotVotesAt!.Value);

        await _game.Sweep();

        var game = await _game.Game();
        Assert.Equal(GamePhase.Over, game.Phase);
        Assert.True(game.Result!.RobotCaught);
        Assert.Equal(["alice", "bob"], game.Result.Correct);
        Assert.Equal(SessionState.Inactive, await _game.State());
        _game.At(GameData.VoteEnds);
        Assert.Empty(await _game.Due());
    }

    [Fact]
    public async Task Advance_OfAGameWhoseSessionEnded_IsNothing()
    {
        await _game.Started(humans: 2);
        await _data.Leave(_game.Bob, GameData.Room);
        _game.At(GameData.VoteOpens);

        Assert.Empty(await _game.Due());
    }

    public void Dispose() => _data.Dispose();
}
