using Chat.Domain.Common;
using Chat.Domain.Sessions;
using Chat.Domain.Sessions.Events;

namespace Chat.Domain.Tests.Sessions;

public sealed class HostingTests
{
    [Fact]
    public void Host_MakesTheHostTheFirstPlayer_AndWaitsForOthers()
    {
        var alice = Build.User("alice");

        var session = ChatSession.Host(alice, "lounge", robot: null, maxPlayersAllowed: 3, Build.Start);

        Assert.Equal(SessionState.Pending, session.State);
        Assert.Equal(alice.Id, session.HostId);
        Assert.Equal("alice", session.HostName);
        Assert.Equal(["alice"], session.PlayerNames());
        Assert.True(session.HasRoom());
        Assert.Equal(3, session.MaxPlayersAllowed);
        Assert.Equal(Build.Start, session.CreatedAt);
        Assert.Equal([new PlayerJoined("alice", IsRobot: false)], session.Events);
        Assert.Equal(1, session.Version);
    }

    [Fact]
    public void Host_WithRoomForOnlyOnePlayer_StartsAtOnce()
    {
        var session = ChatSession.Host(Build.User("alice"), "solo", robot: null, maxPlayersAllowed: 1, Build.Start);

        Assert.Equal(SessionState.Active, session.State);
        Assert.False(session.HasRoom());
        Assert.Equal([new PlayerJoined("alice", IsRobot: false), new SessionStarted()], session.Events);
        Assert.Equal(2, session.Version);
    }

    [Fact]
    public void Host_TrimsTheRoomName_AndKeysItIgnoringCase()
    {
        var session = ChatSession.Host(Build.User("alice"), "  The Lounge  ", robot: null, 4, Build.Start);

        Assert.Equal("The Lounge", session.Room);
        Assert.Equal("THE LOUNGE", session.NormalizedRoom);
    }

    [Fact]
    public void Host_WithARobot_RemembersTheModel_WithoutSeatingIt()
    {
        var session = ChatSession.Host(Build.User("alice"), "lounge", "eliza", 4, Build.Start);

        Assert.Equal("eliza", session.Robot);
        Assert.Equal(["alice"], session.PlayerNames());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a/b")]
    public void Host_WithAnInvalidRoomName_IsRefused(string room)
    {
        var refused = Assert.Throws<DomainException>(() => ChatSession.Host(Build.User("alice"), room, null, 4, Build.Start));

        Assert.Contains("room name", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public void Host_WithMaxPlayersOutOfRange_IsRefused(int maxPlayers)
    {
        var refused = Assert.Throws<DomainException>(() => ChatSession.Host(Build.User("alice"), "lounge", null, maxPlayers, Build.Start));

        Assert.Equal("max_players_allowed must be between 1 and 100.", refused.Message);
    }

    [Fact]
    public void Host_ByARobot_IsRefused()
    {
        Assert.Throws<DomainException>(() => ChatSession.Host(Build.Robot(), "lounge", "eliza", 4, Build.Start));
    }

    [Fact]
    public void Host_ByASignedOutUser_IsRefused()
    {
        var alice = Build.User("alice");
        alice.SignOut(Build.Start);

        var refused = Assert.Throws<DomainException>(() => ChatSession.Host(alice, "lounge", null, 4, Build.At(1)));

        Assert.Equal("Only a signed-in person can host a session.", refused.Message);
    }
}
