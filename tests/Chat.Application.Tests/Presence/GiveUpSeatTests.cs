using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Presence.GiveUpSeat;
using Chat.Application.Sessions.Common;
using Chat.Domain.Games;
using Chat.Domain.Sessions;
using NSubstitute;

namespace Chat.Application.Tests.Presence;

public sealed class GiveUpSeatTests : IDisposable
{
    private readonly TestDatabase _data = new();
    private readonly IChatBroadcaster _broadcaster = Substitute.For<IChatBroadcaster>();

    [Fact]
    public async Task GiveUp_TakesThePlayerOut_AsIfTheyHadLeft()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        var session = await _data.AddSession(alice, "lounge");
        await _data.Join(bob, "lounge");

        Assert.True(await GiveUp(new GiveUpSeat(alice.Id, session.Id)));

        var stored = await _data.FindSession("lounge");
        Assert.False(stored.IsPresent(alice.Id));
        Assert.Equal(bob.Id, stored.HostId);
        Assert.Equal(["alice has left the room."], await _data.TextsIn("lounge"));
        await _broadcaster.Received(1).SessionUpdated(Arg.Is<SessionDto>(s => s.Host == "bob"), Arg.Any<CancellationToken>());
        await _broadcaster.Received(1).RemoveFromRoom(alice.Id, session.Id, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task GiveUp_OfAPlayerAlreadyGone_ChangesAndSaysNothing()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        var session = await _data.AddSession(alice, "lounge");
        await _data.Join(bob, "lounge");
        await _data.Leave(bob, "lounge");

        Assert.False(await GiveUp(new GiveUpSeat(bob.Id, session.Id)));
        Assert.False(await GiveUp(new GiveUpSeat(alice.Id, session.Id + 1)));

        Assert.True((await _data.FindSession("lounge")).IsPresent(alice.Id));
        Assert.Empty(await _data.TextsIn("lounge"));
        Assert.Empty(_broadcaster.ReceivedCalls());
    }

    [Fact]
    public async Task GiveUp_WhenAnotherRequestChangesTheSessionAtTheSameMoment_StillTakesThePlayerOut()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        var lounge = await _data.AddSession(alice, "lounge");
        await _data.Join(bob, "lounge");
        var carol = await _data.AddUser("carol");

        Assert.True(await GiveUp(new GiveUpSeat(alice.Id, lounge.Id), new CompetingRequest(() => _data.Join(carol, "lounge"))));

        var stored = await _data.FindSession("lounge");
        Assert.False(stored.IsPresent(alice.Id));
        Assert.True(stored.IsPresent(carol.Id));
    }

    [Fact]
    public async Task GiveUp_DuringTheVote_OfTheOnlyPlayerYetToVote_EndsTheGameAtOnce()
    {
        var game = await new Games.GameData(_data, _broadcaster).Started();
        game.At(Games.GameData.VoteOpens);
        await game.Sweep();
        await game.Vote(game.Alice, Games.GameData.RobotName);
        await game.Vote(game.Bob, "alice");
        await game.Vote(game.Robot, "bob");
        _broadcaster.ClearReceivedCalls();
        var sessionId = (await _data.FindSession(Games.GameData.Room)).Id;

        Assert.True(await GiveUp(new GiveUpSeat(game.Carol.Id, sessionId)));

        var over = await game.Game();
        Assert.Equal(GamePhase.Over, over.Phase);
        Assert.Equal(3, over.Votes.Count);
        Assert.Equal(SessionState.Inactive, await game.State());
        Assert.Contains(SessionNotices.RobotWas(Games.GameData.RobotName), await _data.TextsIn(Games.GameData.Room));
        await _broadcaster.Received(1).GameUpdated(sessionId, Arg.Is<GameDto>(g => g.Phase == GamePhase.Over && g.Result != null), Arg.Any<CancellationToken>());
    }

    public void Dispose() => _data.Dispose();

    private async Task<bool> GiveUp(GiveUpSeat command, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        await using var use = new UseCase(_data, _broadcaster, interceptors);
        return await use.Run(new GiveUpSeatHandler(use.Db, use.Committer, Build.First, _data.Clock), command);
    }
}
