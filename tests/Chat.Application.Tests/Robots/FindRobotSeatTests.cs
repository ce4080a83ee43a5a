using Chat.Application.Robots.FindRobotSeat;

namespace Chat.Application.Tests.Robots;

public sealed class FindRobotSeatTests : IDisposable
{
    private readonly TestDatabase _data = new();

    [Fact]
    public async Task Find_ForASessionWithARobot_GivesItsUserNameAndModel()
    {
        var alice = await _data.AddUser("alice");
        var robot = await _data.AddRobotUser("maya92");
        var session = await _data.AddSession(alice, "lounge", robot: "eliza");
        await _data.SeatRobot(robot, "lounge");

        Assert.Equal(new RobotSeat(robot.Id, "maya92", "eliza"), await Find(session.Id));
    }

    [Fact]
    public async Task Find_ForARobotSeatedButNotYetInTheRoom_IsAwaited_SoItSaysNothingBeforeItsJoinNotice()
    {
        var alice = await _data.AddUser("alice");
        var robot = await _data.AddRobotUser("maya92");
        var session = await _data.AddSession(alice, "lounge", robot: "eliza");
        await _data.SeatRobot(robot, "lounge", entered: false);

        var seat = await Find(session.Id);

        Assert.Equal(RobotSeat.Awaited("eliza"), seat);
        Assert.False(seat!.IsSeated);
    }

    [Fact]
    public async Task Find_ForASessionWithoutARobot_IsNull()
    {
        var session = await _data.AddSession(await _data.AddUser("alice"), "lounge");

        Assert.Null(await Find(session.Id));
    }

    [Fact]
    public async Task Find_ForNoSuchSession_IsNull() => Assert.Null(await Find(404));

    public void Dispose() => _data.Dispose();

    private async Task<RobotSeat?> Find(int sessionId)
    {
        await using var db = _data.NewContext();
        return await new FindRobotSeatHandler(db).Handle(new FindRobotSeat(sessionId), Ct);
    }
}
