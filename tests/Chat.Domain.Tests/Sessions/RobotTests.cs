using Chat.Domain.Games;
using Chat.Domain.Common;
using Chat.Domain.Sessions;
using Chat.Domain.Sessions.Events;

namespace Chat.Domain.Tests.Sessions;

public sealed class RobotTests
{
    [Fact]
    public void AddRobot_SeatsItWithoutTakingAHumanPlace()
    {
        var session = Build.Session(Build.User("alice"), maxPlayers: 2, robot: "eliza");

        session.AddRobot(Build.Robot("eliza"), Build.At(1));

        Assert.Equal(["alice", "eliza"], session.PlayerNames());
        Assert.Equal(1, session.HumanPlayerCount);
        Assert.True(session.HasRoom());
        Assert.Equal(SessionState.Pending, session.State);
        Assert.Equal([new PlayerJoined("eliza", IsRobot: true), new PlayerArrived("eliza")], session.Events);

        session.Join(Build.User("bob"), Build.At(2));

        Assert.Equal(["alice", "eliza", "bob"], session.PlayerNames());
        Assert.Equal(SessionState.Active, session.State);
    }

    [Fact]
    public void AddRobot_ToASessionThatStartedAtOnce_StillSeatsIt()
    {
        var session = Build.Session(Build.User("alice"), maxPlayers: 1, robot: "eliza");

        session.AddRobot(Build.Robot("eliza"), Build.At(1));

        Assert.Equal(["alice", "eliza"], session.PlayerNames());
        Assert.Equal(SessionState.Active, session.State);
    }

    [Fact]
    public void AddRobot_ToASessionWithoutARobot_IsRefused()
    {
        var session = Build.Session(Build.User("alice"), robot: null);

        var refused = Assert.Throws<DomainException>(() => session.AddRobot(Build.Robot(), Build.At(1)));

        Assert.Equal("Only a session with a robot can seat one.", refused.Message);
        Assert.Equal(["alice"], session.PlayerNames());
    }

    [Fact]
    public void AddRobot_WithAPerson_IsRefused()
    {
        var session = Build.Session(Build.User("alice"), robot: "eliza");

        Assert.Throws<DomainException>(() => session.AddRobot(Build.User("bob"), Build.At(1)));
        Assert.Equal(["alice"], session.PlayerNames());
    }

    [Fact]
    public void AddRobot_WhenOneIsAlreadySeated_IsRefused()
    {
        var session = Build.Session(Build.User("alice"), robot: "eliza");
        session.AddRobot(Build.Robot("eliza"), Build.At(1));

        var refused = Assert.Throws<DomainException>(() => session.AddRobot(Build.Robot("eliza2"), Build.At(2)));

        Assert.Equal("This session cannot take a robot now.", refused.Message);
        Assert.Equal(["alice", "eliza"], session.PlayerNames());
    }

    [Fact]
    public void AddRobot_ToAnEndedSession_IsRefused()
    {
        var alice = Build.User("alice");
        var session = Build.Session(alice, robot: "eliza");
        session.Leave(alice.Id, Build.At(1));

        Assert.Throws<DomainException>(() => session.AddRobot(Build.Robot(), Build.At(2)));
        Assert.Empty(session.Players);
    }

    [Fact]
    public void Leave_ByTheRobot_KeepsTheSessionGoing()
    {
        var robot = Build.Robot();
        var session = Build.Session(Build.User("alice"), robot: "eliza");
        session.AddRobot(robot, Build.At(1));
        session.ClearEvents();

        session.Leave(robot.Id, Build.At(2));

        Assert.Equal(["alice"], session.PlayerNames());
        Assert.Equal(SessionState.Pending, session.State);
        Assert.Equal([new PlayerLeft(robot.Id, "eliza")], session.Events);
    }

    [Theory]
    [InlineData(false, new[] { "alice", "eliza", "bob" })]
    [InlineData(true, new[] { "alice", "bob", "eliza" })]
    public void Join_TakingTheLastPlace_SeatsTheAwaitedRobotBeforeOrAfter_ThenStarts(bool robotAfter, string[] players)
    {
        var session = Build.Session(Build.User("alice"), maxPlayers: 2, robot: "eliza");
        session.ClearEvents();

        session.Join(Build.User("bob"), Build.At(2), Build.Robot("eliza"), robotAfter);

        Assert.Equal(players, session.PlayerNames());
        Assert.Equal(SessionState.Active, session.State);
        Assert.IsType<SessionStarted>(session.Events.First(e => e is SessionStarted or GamePhaseChanged));
        Assert.True(session.Events.ToList().FindIndex(e => e is PlayerJoined { IsRobot: true }) < session.Events.ToList().FindIndex(e => e is SessionStarted));
    }

    [Fact]
    public void Join_WithTheRobotSeatedBefore_AnnouncesTheRobotAtOnce()
    {
        var session = Build.Session(Build.User("alice"), maxPlayers: 2, robot: "eliza");
        session.ClearEvents();

        session.Join(Build.User("bob"), Build.At(2), Build.Robot("eliza"), robotAfter: false);

        Assert.Contains(new PlayerArrived("eliza"), session.Events);
    }

    [Fact]
    public void Join_WithTheRobotSeatedAfter_AnnouncesItRightAfterThatPersonEnters()
    {
        var alice = Build.User("alice");
        var session = Build.Session(alice, maxPlayers: 2, robot: "eliza");
        var bob = Build.User("bob");
        session.Join(bob, Build.At(2), Build.Robot("eliza"), robotAfter: true);
        Assert.DoesNotContain(new PlayerArrived("eliza"), session.Events);
        session.ClearEvents();

        session.Enter(alice.Id, Build.At(3));
        Assert.DoesNotContain(new PlayerArrived("eliza"), session.Events);
        session.Enter(bob.Id, Build.At(4));

        Assert.Equal([new PlayerArrived("alice"), new PlayerArrived("bob"), new PlayerArrived("eliza")], session.Events.OfType<PlayerArrived>());
    }
}
