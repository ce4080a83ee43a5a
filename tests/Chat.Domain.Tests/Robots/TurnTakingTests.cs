using Chat.Domain.Robots;

namespace Chat.Domain.Tests.Robots;

public sealed class TurnTakingTests
{
    private const int Lounge = 1;
    private const int Den = 2;
    private const string Robot = "maya92";

    private readonly TurnTaking _turns = new();

    [Fact]
    public void Heard_APlayerInARoomWithARobot_StartsATurn()
    {
        Assert.True(_turns.Heard(Lounge, "alice", Robot));
        Assert.Equal(1, _turns.TurnsUnderWay);
    }

    [Fact]
    public void Heard_InARoomWithoutARobot_StartsNothing()
    {
        Assert.False(_turns.Heard(Lounge, "alice", robot: null));
        Assert.Equal(0, _turns.TurnsUnderWay);
    }

    [Fact]
    public void Heard_TheRobotItself_StartsNothing()
    {
        Assert.False(_turns.Heard(Lounge, Robot, Robot));
    }

    [Fact]
    public void Heard_DuringThePause_StartsNoSecondTurn_AndEarnsNoExtraOne()
    {
        _turns.Heard(Lounge, "alice", Robot);

        Assert.False(_turns.Heard(Lounge, "bob", Robot));
        _turns.Answering(Lounge);

        Assert.False(_turns.Finished(Lounge));
        Assert.Equal(0, _turns.TurnsUnderWay);
    }

    [Fact]
    public void Heard_WhileAnswering_StartsNoSecondTurn_ButEarnsOneMoreAfterIt()
    {
        _turns.Heard(Lounge, "alice", Robot);
        _turns.Answering(Lounge);

        Assert.False(_turns.Heard(Lounge, "bob", Robot));
        Assert.False(_turns.Heard(Lounge, "carol", Robot));

        Assert.True(_turns.Finished(Lounge));
        _turns.Answering(Lounge);
        Assert.False(_turns.Finished(Lounge));
    }

    [Fact]
    public void Heard_TheRobotWhileAnswering_EarnsNoExtraTurn()
    {
        _turns.Heard(Lounge, "alice", Robot);
        _turns.Answering(Lounge);

        _turns.Heard(Lounge, Robot, Robot);

        Assert.False(_turns.Finished(Lounge));
    }

    [Fact]
    public void Turns_InDifferentRooms_GoOnSideBySide()
    {
        Assert.True(_turns.Heard(Lounge, "alice", Robot));
        Assert.True(_turns.Heard(Den, "bob", "quietfox7"));

        Assert.Equal(2, _turns.TurnsUnderWay);
    }

    [Fact]
    public void Heard_AfterATurnHasFinished_StartsANewOne()
    {
        _turns.Heard(Lounge, "alice", Robot);
        _turns.Answering(Lounge);
        _turns.Finished(Lounge);

        Assert.True(_turns.Heard(Lounge, "alice", Robot));
    }

    [Fact]
    public void Arrived_StartsATurn_ToReadWhatWasSaidBeforeIt()
    {
        var turns = new TurnTaking();

        Assert.True(turns.Arrived(1));
        Assert.False(turns.Heard(1, "alice", "maya92"));
    }

    [Fact]
    public void Arrived_WhileATurnIsUnderWay_StartsNoSecond()
    {
        var turns = new TurnTaking();
        Assert.True(turns.Heard(1, "alice", "maya92"));

        Assert.False(turns.Arrived(1));
    }
}
