using Chat.Web.Tests.Robots;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Games;

/// <summary>
/// A game whose session ends before it starts: over, quietly, and with no result when
/// its robot never sat down, since no robot took part and there is no one to name.
/// </summary>
public sealed class UnplayedGameTests(PacedRobotApp app) : IClassFixture<PacedRobotApp>
{
    [Fact]
    public async Task AGameEndedBeforeItsRobotSatDown_IsOver_WithANullResult_NotAnEmptyName()
    {
        var room = Unique.Room();
        var host = await app.SignUp(Unique.Name("hana"));
        await host.Host(room, maxPlayersAllowed: 2, robot: "eliza");
        var line = await host.Enter(room);

        // The robot sits down at least one Robot:ReplyDelay after the host entered; the host is quicker.
        await host.Leave();

        var ended = await line.NextSessionUpdate(s => s.Str("state") == "inactive");
        var game = ended.GetProperty("game");
        Assert.Equal("over", game.Str("phase"));
        var robotSat = line.AllEvents.Any(e => e.Name == "session_updated" && e.Payload.GetProperty("players").GetArrayLength() > 1);
        if (robotSat)
        {
            // A machine slower than the robot's walk: its seat was taken, and the result names it.
            Assert.NotEqual(string.Empty, game.GetProperty("result").Str("robot"));
            return;
        }

        Assert.True(game.IsNull("result"), $"the game's result was {game.GetProperty("result")}");
        Assert.DoesNotContain(await host.History(room), m => m.Str("message").StartsWith("The robot was", StringComparison.Ordinal));
    }
}
