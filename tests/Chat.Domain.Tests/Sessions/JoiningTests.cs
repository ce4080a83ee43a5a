using Chat.Domain.Common;
using Chat.Domain.Sessions;
using Chat.Domain.Sessions.Events;

namespace Chat.Domain.Tests.Sessions;

public sealed class JoiningTests
{
    [Fact]
    public void Join_WhenPendingWithRoom_SeatsThePlayerAfterTheOthers()
    {
        var session = Build.Session(Build.User("alice"), maxPlayers: 3);
        var versionBefore = session.Version;
        var bob = Build.User("bob");

        session.Join(bob, Build.At(1));

        Assert.Equal(["alice", "bob"], session.PlayerNames());
        Assert.Same(bob, session.Players.Last().User);
        Assert.Equal(SessionState.Pending, session.State);
        Assert.True(session.HasRoom());
        Assert.Equal([new PlayerJoined("bob", IsRobot: false)], session.Events);
        Assert.Equal(versionBefore + 1, session.Version);
    }

    [Fact]
    public void Join_TakingTheLastPlace_StartsTheSession()
    {
        var session = Build.Session(Build.User("alice"), maxPlayers: 2);

        session.Join(Build.User("bob"), Build.At(1));

        Assert.Equal(SessionState.Active, session.State);
        Assert.False(session.HasRoom());
        Assert.Equal([new PlayerJoined("bob", IsRobot: false), new SessionStarted()], session.Events);
    }

    [Fact]
    public void Join_WhenSessionIsFull_IsRefused()
    {
        var session = Build.Session(Build.User("alice"), maxPlayers: 2, others: [Build.User("bob")]);
        var versionBefore = session.Version;

        var refused = Assert.Throws<DomainException>(() => session.Join(Build.User("carol"), Build.At(5)));

        Assert.Equal("The session 'lounge' has already started.", refused.Message);
        Assert.Equal(["alice", "bob"], session.PlayerNames());
        Assert.Empty(session.Events);
        Assert.Equal(versionBefore, session.Version);
    }

    [Fact]
    public void Join_ManyMoreThanThereArePlaces_NeverExceedsCapacity()
    {
        var session = Build.Session(Build.User("host"), maxPlayers: 3);

        var seated = 0;
        for (var i = 0; i < 10; i++)
        {
            try
            {
                session.Join(Build.User($"guest{i}"), Build.At(i + 1));
                seated++;
            }
            catch (DomainException)
            {
            }

            Assert.True(session.HumanPlayerCount <= session.MaxPlayersAllowed);
        }

        Assert.Equal(2, seated);
        Assert.Equal(3, session.HumanPlayerCount);
    }

    [Fact]
    public void Join_WhenAlreadyAPlayer_IsRefused()
    {
        var bob = Build.User("bob");
        var session = Build.Session(Build.User("alice"), others: [bob]);

        var refused = Assert.Throws<DomainException>(() => session.Join(bob, Build.At(5)));

        Assert.Equal("You are already a player of 'lounge'.", refused.Message);
        Assert.Equal(["alice", "bob"], session.PlayerNames());
    }

    [Fact]
    public void Join_ByTheHostOfThatSession_IsRefused()
    {
        var alice = Build.User("alice");
        var session = Build.Session(alice);

        Assert.Throws<DomainException>(() => session.Join(alice, Build.At(1)));
        Assert.Single(session.Players);
    }

    [Fact]
    public void Join_WhenSessionHasEnded_IsRefused()
    {
        var alice = Build.User("alice");
        var session = Build.Session(alice);
        session.Leave(alice.Id, Build.At(1), Build.First);

        var refused = Assert.Throws<DomainException>(() => session.Join(Build.User("bob"), Build.At(2)));

        Assert.Equal("The session 'lounge' has ended.", refused.Message);
        Assert.Empty(session.Players);
    }

    [Fact]
    public void Join_WhenSessionHasStarted_IsRefused_EvenAfterSomeoneLeft()
    {
        var bob = Build.User("bob");
        var session = Build.Session(Build.User("alice"), maxPlayers: 2, others: [bob]);
        session.Leave(bob.Id, Build.At(5), Build.First);

        var refused = Assert.Throws<DomainException>(() => session.Join(Build.User("carol"), Build.At(6)));

        Assert.Equal("The session 'lounge' has already started.", refused.Message);
        Assert.Equal(SessionState.Active, session.State);
    }

    [Fact]
    public void Join_AfterLeavingAPendingSession_SeatsThePlayerAgain()
    {
        var bob = Build.User("bob");
        var session = Build.Session(Build.User("alice"), others: [bob]);
        session.Leave(bob.Id, Build.At(5), Build.First);

        session.Join(bob, Build.At(6));

        Assert.Equal(["alice", "bob"], session.PlayerNames());
        Assert.Equal(3, session.Members.Count);
    }

    [Fact]
    public void Join_ByARobot_IsRefused_SoItCannotTakeAHumanPlace()
    {
        var session = Build.Session(Build.User("alice"), robot: "eliza");

        Assert.Throws<DomainException>(() => session.Join(Build.Robot(), Build.At(1)));
        Assert.Equal(1, session.HumanPlayerCount);
    }
}
