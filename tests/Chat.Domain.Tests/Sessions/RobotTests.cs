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

        session.AddRobot(Build.Robot("eliza"), Build.At(1), TimeSpan.Zero);

        Assert.Equal(["alice", "eliza"], session.PlayerNames());
        Assert.Equal(1, session.HumanPlayerCount);
        Assert.True(session.HasRoom());
        Assert.Equal(SessionState.Pending, session.State);
        Assert.Equal([new PlayerJoined("eliza", IsRobot: true)], session.Events);

        session.Join(Build.User("bob"), Build.At(2));

        Assert.Equal(["alice", "eliza", "bob"], session.PlayerNames());
        Assert.Equal(SessionState.Active, session.State);
    }

    [Fact]
    public void AddRobot_ToASessionThatStartedAtOnce_StillSeatsIt()
    {
        var session = Build.Session(Build.User("alice"), maxPlayers: 1, robot: "eliza");

        session.AddRobot(Build.Robot("eliza"), Build.At(1), TimeSpan.Zero);

        Assert.Equal(["alice", "eliza"], session.PlayerNames());
        Assert.Equal(SessionState.Active, session.State);
    }

    [Fact]
    public void AddRobot_ToASessionWithoutARobot_IsRefused()
    {
        var session = Build.Session(Build.User("alice"), robot: null);

        var refused = Assert.Throws<DomainException>(() => session.AddRobot(Build.Robot(), Build.At(1), TimeSpan.Zero));

        Assert.Equal("Only a session with a robot can seat one.", refused.Message);
        Assert.Equal(["alice"], session.PlayerNames());
    }

    [Fact]
    public void AddRobot_WithAPerson_IsRefused()
    {
        var session = Build.Session(Build.User("alice"), robot: "eliza");

        Assert.Throws<DomainException>(() => session.AddRobot(Build.User("bob"), Build.At(1), TimeSpan.Zero));
        Assert.Equal(["alice"], session.PlayerNames());
    }

    [Fact]
    public void AddRobot_WhenOneIsAlreadySeated_IsRefused()
    {
        var session = Build.Session(Build.User("alice"), robot: "eliza");
        session.AddRobot(Build.Robot("eliza"), Build.At(1), TimeSpan.Zero);

        var refused = Assert.Throws<DomainException>(() => session.AddRobot(Build.Robot("eliza2"), Build.At(2), TimeSpan.Zero));

        Assert.Equal("This session cannot take a robot now.", refused.Message);
        Assert.Equal(["alice", "eliza"], session.PlayerNames());
    }

    [Fact]
    public void AddRobot_ToAnEndedSession_IsRefused()
    {
        var alice = Build.User("alice");
        var session = Build.Session(alice, robot: "eliza");
        session.Leave(alice.Id, Build.At(1), Build.First);

        Assert.Throws<DomainException>(() => session.AddRobot(Build.Robot(), Build.At(2), TimeSpan.Zero));
        Assert.Empty(session.Players);
    }

    [Fact]
    public void Leave_ByTheRobot_KeepsTheSessionGoing()
    {
        var robot = Build.Robot();
        var session = Build.Session(Build.User("alice"), robot: "eliza");
        session.AddRobot(robot, Build.At(1), TimeSpan.Zero);
        session.ClearEvents();

        session.Leave(robot.Id, Build.At(2), Build.First);

        Assert.Equal(["alice"], session.PlayerNames());
        Assert.Equal(SessionState.Pending, session.State);
        Assert.Equal([new PlayerLeft(robot.Id, "eliza")], session.Events);
    }

    [Fact]
    public void AddRobot_SeatsItNow_ButTheRoomHearsItJoinedOnlyWhenItEnters_AMomentLater()
    {
        var session = Build.Session(Build.User("alice"), robot: "eliza");
        var seated = Build.At(1);

        session.AddRobot(Build.Robot("eliza"), seated, TimeSpan.FromSeconds(2));

        Assert.DoesNotContain(session.Events, e => e is PlayerArrived);
        Assert.Equal(seated.AddSeconds(2), Assert.Single(session.Members, m => m.IsRobot).EntersAt);
        Assert.False(session.AnnounceRobot(seated.AddSeconds(1)));
        Assert.DoesNotContain(session.Events, e => e is PlayerArrived);

        Assert.True(session.AnnounceRobot(seated.AddSeconds(2)));

        Assert.Equal([new PlayerArrived("eliza")], session.Events.OfType<PlayerArrived>());
        Assert.Equal(seated.AddSeconds(2), Assert.Single(session.Members, m => m.IsRobot).AnnouncedAt);
    }

    [Fact]
    public void AnnounceRobot_Again_OrWithNoRobotSeated_OrOnceTheSessionEnded_AnnouncesNothing()
    {
        var alice = Build.User("alice");
        var session = Build.Session(alice, robot: "eliza");
        Assert.False(session.AnnounceRobot(Build.At(1)));
        session.AddRobot(Build.Robot("eliza"), Build.At(1), TimeSpan.Zero);
        Assert.True(session.AnnounceRobot(Build.At(1)));

        Assert.False(session.AnnounceRobot(Build.At(2)));

        var ended = Build.Session(alice, room: "den", robot: "eliza");
        ended.AddRobot(Build.Robot("maya92"), Build.At(1), TimeSpan.Zero);
        ended.Leave(alice.Id, Build.At(2), Build.First);
        ended.ClearEvents();
        Assert.False(ended.AnnounceRobot(Build.At(3)));
        Assert.Empty(ended.Events);
        Assert.Single(session.Events.OfType<PlayerArrived>());
    }

    [Theory]
    [InlineData(false, new[] { "alice", "eliza", "bob" })]
    [InlineData(true, new[] { "alice", "bob", "eliza" })]
    public void Join_TakingTheLastPlace_SeatsTheAwaitedRobotBeforeOrAfter_ThenStarts(bool robotAfter, string[] players)
    {
        var session = Build.Session(Build.User("alice"), maxPlayers: 2, robot: "eliza");
        session.ClearEvents();

        session.Join(Build.User("bob"), Build.At(2), new AwaitedRobot(Build.Robot("eliza"), robotAfter, TimeSpan.FromSeconds(1)));

        Assert.Equal(players, session.PlayerNames());
        Assert.Equal(SessionState.Active, session.State);
        Assert.IsType<SessionStarted>(session.Events.First(e => e is SessionStarted or GamePhaseChanged));
        Assert.True(session.Events.ToList().FindIndex(e => e is PlayerJoined { IsRobot: true }) < session.Events.ToList().FindIndex(e => e is SessionStarted));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Join_WithTheAwaitedRobot_AnnouncesItNeitherWithItsSeat_NorWhenSomeoneEnters_ButAtItsOwnMoment(bool robotAfter)
    {
        var alice = Build.User("alice");
        var bob = Build.User("bob");
        var session = Build.Session(alice, maxPlayers: 2, robot: "eliza");
        session.Join(bob, Build.At(2), new AwaitedRobot(Build.Robot("eliza"), robotAfter, TimeSpan.FromSeconds(1)));
        Assert.DoesNotContain(session.Events, e => e is PlayerArrived);

        session.Enter(alice.Id, Build.At(2));
        session.Enter(bob.Id, Build.At(2));
        Assert.Equal([new PlayerArrived("alice"), new PlayerArrived("bob")], session.Events.OfType<PlayerArrived>());

        Assert.True(session.AnnounceRobot(Build.At(2).AddSeconds(2)));
        Assert.Equal(new PlayerArrived("eliza"), session.Events.OfType<PlayerArrived>().Last());
    }
}
