using Chat.Application.Common.Interfaces;
using Chat.Application.Games.GetStats;
using NSubstitute;

namespace Chat.Application.Tests.Games;

public sealed class GetStatsTests : IDisposable
{
    private readonly TestDatabase _data = new();
    private readonly IChatBroadcaster _broadcaster = Substitute.For<IChatBroadcaster>();

    [Fact]
    public async Task Stats_BeforeAnyGameEnds_AreEmpty()
    {
        await new GameData(_data, _broadcaster).Started();

        var stats = await Read();

        Assert.Empty(stats.Robots);
        Assert.Empty(stats.Players);
    }

    [Fact]
    public async Task Stats_OfAFinishedGame_CountTheModel_TheHumansVotes_AndWhoWasRight()
    {
        var game = new GameData(_data, _broadcaster);
        await game.Started();
        game.At(GameData.VoteOpens);
        await game.Sweep();
        game.At(GameData.VoteOpens + TimeSpan.FromSeconds(1));
        await game.Vote(game.Alice, GameData.RobotName);
        await game.Vote(game.Bob, "carol");
        await game.Vote(game.Carol, "bob");
        game.At(GameData.VoteEnds);
        await game.Sweep();

        var stats = await Read();

        var robot = Assert.Single(stats.Robots);
        Assert.Equal(("eliza", 1, 0), (robot.Model, robot.Games, robot.Caught));
        Assert.Equal(2.0 / 3, robot.JudgedHumanRate!.Value, 6);
        Assert.Equal(
            [new PlayerStats("alice", 1, 1), new PlayerStats("bob", 1, 0), new PlayerStats("carol", 1, 0)],
            stats.Players);
    }

    [Fact]
    public async Task Stats_OfAGameWithoutHumanVotes_HaveNoJudgedHumanRate()
    {
        var game = new GameData(_data, _broadcaster);
        await game.Started(humans: 2);
        await _data.Leave(game.Bob, GameData.Room);

        var robot = Assert.Single((await Read()).Robots);

        Assert.Equal(1, robot.Games);
        Assert.Null(robot.JudgedHumanRate);
    }

    private async Task<GameStats> Read()
    {
        await using var db = _data.NewContext();
        return await new GetStatsHandler(db).Handle(new GetStats(), Ct);
    }

    public void Dispose() => _data.Dispose();
}
