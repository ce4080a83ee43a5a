using Chat.Application.Common.Interfaces;
using Chat.Application.Games;
using Chat.Application.Sessions.HostSession;
using Chat.Application.Sessions.TakeSeat;
using Chat.Domain.Games;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace Chat.Application.Tests.Games;

/// <summary>Hosting and filling a game: the configured lengths are stored with it, and the chat starts with the session.</summary>
public sealed class HostGameTests : IDisposable
{
    private readonly TestDatabase _data = new();
    private readonly IChatBroadcaster _broadcaster = Substitute.For<IChatBroadcaster>();

    [Fact]
    public async Task Host_WithARobotAndTwoPlaces_IsAWaitingGame_WithTheConfiguredLengths()
    {
        var alice = await _data.AddUser("alice");
        var options = Options.Create(new GameOptions { ChatLength = TimeSpan.FromSeconds(20), VoteLength = TimeSpan.FromSeconds(7) });
        await using var use = new UseCase(_data, _broadcaster);

        var session = await use.Run(
            new HostSessionHandler(use.Db, Build.Caller(alice), use.Committer, _data.Clock, options),
            new HostSession("lounge", "eliza", 2));

        // The robot takes its seat later, when a person has come in (as a person would), so only the host votes yet.
        Assert.Equal((GamePhase.Waiting, null, 0, 1, null), (session.Game!.Phase, session.Game.EndsAt, session.Game.VotesCast, session.Game.Voters, session.Game.Result));
        var game = (await _data.FindSession("lounge")).Game!;
        Assert.Equal((TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(7)), (game.ChatLength, game.VoteLength));
    }

    [Fact]
    public async Task Host_WithoutARobot_IsNoGame()
    {
        var alice = await _data.AddUser("alice");
        await using var use = new UseCase(_data, _broadcaster);

        var session = await use.Run(
            new HostSessionHandler(use.Db, Build.Caller(alice), use.Committer, _data.Clock),
            new HostSession("lounge", null, 2));

        Assert.Null(session.Game);
    }

    [Fact]
    public async Task Join_ThatFillsTheGame_StartsTheChat_AndTellsTheRoom()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        await using (var host = new UseCase(_data, _broadcaster))
        {
            await host.Run(
                new HostSessionHandler(host.Db, Build.Caller(alice), host.Committer, _data.Clock),
                new HostSession("lounge", "eliza", 2));
        }

        await using var use = new UseCase(_data, _broadcaster);
        var session = await use.Run(new TakeSeatHandler(use.Db, Build.Caller(bob), use.Committer, Build.Recruiter(use.Db), Substitute.For<IRobotTurns>(), Build.Pace, Random.Shared, _data.Clock), new TakeSeat("lounge", Random: false));

        Assert.Equal(GamePhase.Chat, session.Game!.Phase);
        Assert.Equal(_data.Clock.GetUtcNow() + GameLengths.Default.Chat, session.Game.EndsAt);
        Assert.Equal(3, session.Game.Voters);
        await _broadcaster.Received(1).GameUpdated(Arg.Any<int>(), Arg.Is<Common.Models.GameDto>(g => g.Phase == GamePhase.Chat), Arg.Any<CancellationToken>());
    }

    public void Dispose() => _data.Dispose();
}
