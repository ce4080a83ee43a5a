using Chat.Domain.Common;
using Chat.Domain.Sessions;
using Chat.Domain.Sessions.Events;

namespace Chat.Domain.Tests.Sessions;

public sealed class LeavingTests
{
    [Fact]
    public void Leave_ByAPlayer_TakesThemOutAndKeepsTheHost()
    {
        var alice = Build.User("alice");
        var bob = Build.User("bob");
        var session = Build.Session(alice, others: [bob, Build.User("carol")]);

        session.Leave(bob.Id, Build.At(10), Build.First);

        Assert.Equal(["alice", "carol"], session.PlayerNames());
        Assert.Equal(alice.Id, session.HostId);
        Assert.Equal([new PlayerLeft(bob.Id, "bob")], session.Events);
        Assert.False(session.IsPresent(bob.Id));
    }

    [Theory]
    [InlineData(0, "bob")]
    [InlineData(1, "carol")]
    public void Leave_ByTheHost_HandsTheHostToTheHumanLeftThatChanceDraws_NeverTheRobot(int draw, string newHost)
    {
        var alice = Build.User("alice");
        var bob = Build.User("bob");
        var carol = Build.User("carol");
        var robot = Build.Robot();
        var session = Build.Session(alice, maxPlayers: 4, robot: "eliza");
        session.AddRobot(robot, Build.At(1), TimeSpan.Zero);
        session.Join(bob, Build.At(2));
        session.Join(carol, Build.At(3));
        session.ClearEvents();

        session.Leave(alice.Id, Build.At(10), new Draw(draw));

        var host = newHost == "bob" ? bob : carol;
        Assert.Equal(host.Id, session.HostId);
        Assert.Equal(newHost, session.HostName);
        Assert.Equal([new PlayerLeft(alice.Id, "alice"), new HostChanged(host.Id, newHost)], session.Events);
    }

    [Fact]
    public void Leave_ByTheHost_DoesNotAlwaysHandTheHostToTheEarliestSeated_SoTheHostPointsAtNoOne()
    {
        var hosts = new List<string>();
        var chance = new Random(7);
        for (var game = 0; game < 40; game++)
        {
            var alice = Build.User("alice");
            var session = Build.Session(alice, maxPlayers: 4, robot: "eliza");
            session.AddRobot(Build.Robot(), Build.At(1), TimeSpan.Zero);
            session.Join(Build.User("bob"), Build.At(2));
            session.Join(Build.User("carol"), Build.At(3));

            session.Leave(alice.Id, Build.At(10), chance);

            hosts.Add(session.HostName);
        }

        Assert.Equal(["bob", "carol"], hosts.Distinct().Order());
        Assert.InRange(hosts.Count(h => h == "bob"), 10, 30);
    }

    [Fact]
    public void Leave_ByTheLastHuman_EndsTheSession_AndTheRobotLeavesToo()
    {
        var alice = Build.User("alice");
        var robot = Build.Robot();
        var session = Build.Session(alice, robot: "eliza");
        session.AddRobot(robot, Build.At(1), TimeSpan.Zero);
        session.ClearEvents();

        session.Leave(alice.Id, Build.At(10), Build.First);

        Assert.Equal(SessionState.Inactive, session.State);
        Assert.Empty(session.Players);
        Assert.False(session.HasRoom());
        Assert.False(session.IsPresent(robot.Id));
        Assert.Equal([new PlayerLeft(alice.Id, "alice"), new PlayerLeft(robot.Id, "eliza"), new SessionEnded()], session.Events);
        Assert.All(session.Members, m => Assert.Equal(Build.At(10), m.LeftAt));
    }

    [Fact]
    public void Leave_BumpsTheVersionOnceForEveryChange()
    {
        var alice = Build.User("alice");
        var session = Build.Session(alice, robot: "eliza");
        session.AddRobot(Build.Robot(), Build.At(1), TimeSpan.Zero);
        var versionBefore = session.Version;
        session.ClearEvents();

        session.Leave(alice.Id, Build.At(10), Build.First);

        Assert.Equal(versionBefore + 3, session.Version);
        Assert.Equal(3, session.Events.Count);
    }

    [Fact]
    public void Leave_KeepsTheMembershipHistory()
    {
        var alice = Build.User("alice");
        var bob = Build.User("bob");
        var session = Build.Session(alice, others: [bob]);

        session.Leave(bob.Id, Build.At(10), Build.First);

        Assert.Equal(2, session.Members.Count);
        Assert.True(session.WasEverPlayer(bob.Id));
        Assert.False(session.IsPresent(bob.Id));
    }

    [Fact]
    public void Leave_WhenNotAPlayer_IsRefused()
    {
        var session = Build.Session(Build.User("alice"));
        var versionBefore = session.Version;

        var refused = Assert.Throws<DomainException>(() => session.Leave(Build.User("bob").Id, Build.At(1), Build.First));

        Assert.Equal("You are not a player of 'lounge'.", refused.Message);
        Assert.Empty(session.Events);
        Assert.Equal(versionBefore, session.Version);
    }

    [Fact]
    public void Leave_Twice_IsRefused()
    {
        var bob = Build.User("bob");
        var session = Build.Session(Build.User("alice"), others: [bob]);
        session.Leave(bob.Id, Build.At(1), Build.First);

        Assert.Throws<DomainException>(() => session.Leave(bob.Id, Build.At(2), Build.First));
    }

    [Fact]
    public void ClearEvents_ForgetsWhatWasReported_ButNotTheVersion()
    {
        var session = ChatSession.Host(Build.User("alice"), "lounge", null, 4, Build.Start);

        session.ClearEvents();

        Assert.Empty(session.Events);
        Assert.Equal(1, session.Version);
    }
}
