using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Games.CastVote;
using Chat.Domain.Games;
using FluentValidation;
using NSubstitute;

namespace Chat.Application.Tests.Games;

/// <summary>A player's vote through the real retry and transaction behaviours, and every refusal's answer.</summary>
public sealed class CastVoteTests : IDisposable
{
    private readonly TestDatabase _data = new();
    private readonly IChatBroadcaster _broadcaster = Substitute.For<IChatBroadcaster>();
    private readonly GameData _game;

    public CastVoteTests() => _game = new GameData(_data, _broadcaster);

    [Fact]
    public async Task Vote_ReturnsTheGame_AndTellsTheRoomAfterCommit()
    {
        await Voting();

        var game = await _game.Vote(_game.Alice, "bob");

        Assert.Equal((GamePhase.Vote, 1, 4), (game.Phase, game.VotesCast, game.Voters));
        Assert.Null(game.Result);
        await _broadcaster.Received(1).GameUpdated(Arg.Any<int>(), Arg.Is<GameDto>(g => g.VotesCast == 1), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Vote_Changed_CountsOnce_WithTheLastSuspect()
    {
        await Voting();
        await _game.Vote(_game.Alice, "bob");

        var game = await _game.Vote(_game.Alice, "carol");

        Assert.Equal(1, game.VotesCast);
        Assert.Equal("carol", Assert.Single((await _game.Game()).Votes).Suspect);
    }

    [Fact]
    public async Task Vote_RacingAnotherVote_LosesNeither()
    {
        await Voting();
        await using var use = new UseCase(_data, _broadcaster, new CompetingRequest(() => _game.Vote(_game.Bob, "alice")));

        var game = await use.Run(
            new CastVoteHandler(use.Db, Build.Caller(_game.Alice), use.Committer, _data.Clock),
            new CastVote(GameData.Room, "bob"));

        Assert.Equal(2, game.VotesCast);
        Assert.Equal(["alice", "bob"], (await _game.Game()).Votes.Select(v => v.Voter).Order());
    }

    [Fact]
    public async Task Vote_InNoSuchRoom_IsNotFound()
    {
        await Voting();

        await Assert.ThrowsAsync<NotFoundException>(() => _game.Vote(_game.Alice, "bob", room: "nowhere"));
    }

    [Fact]
    public async Task Vote_ByANonPlayer_IsForbidden()
    {
        var dave = await _data.AddUser("dave");
        await Voting();

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => _game.Vote(dave, "bob"));
    }

    [Fact]
    public async Task Vote_DuringTheChat_IsAConflict()
    {
        await _game.Started();

        var refused = await Assert.ThrowsAsync<ConflictException>(() => _game.Vote(_game.Alice, "bob"));

        Assert.Equal("The game in 'lounge' is not voting now.", refused.Message);
    }

    [Fact]
    public async Task Vote_ForNoSuchPlayer_IsNotFound()
    {
        await Voting();

        var refused = await Assert.ThrowsAsync<NotFoundException>(() => _game.Vote(_game.Alice, "zed"));

        Assert.Equal("There is no player named 'zed' in 'lounge'.", refused.Message);
    }

    [Fact]
    public async Task Vote_ForOneself_IsInvalid_OnTheSuspectField()
    {
        await Voting();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => _game.Vote(_game.Alice, "alice"));

        Assert.Equal("Suspect", Assert.Single(refused.Errors).PropertyName);
        Assert.Empty((await _game.Game()).Votes);
    }

    private async Task Voting()
    {
        await _game.Started();
        _game.At(GameData.VoteOpens);
        await _game.Sweep();
        _game.At(GameData.VoteOpens + TimeSpan.FromSeconds(1));
        _broadcaster.ClearReceivedCalls();
    }

    public void Dispose() => _data.Dispose();
}
