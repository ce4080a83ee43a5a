using Chat.Application.Sessions.ListSessions;
using Chat.Domain.Sessions;

namespace Chat.Application.Tests.Sessions;

public sealed class ListSessionsTests : IDisposable
{
    private readonly TestDatabase _data = new();

    [Fact]
    public async Task List_SplitsPendingFromActive_AndLeavesEndedSessionsOut()
    {
        var ann = await _data.AddUser("ann");
        await _data.AddSession(ann, "ended");
        await _data.Leave(ann, "ended");
        await _data.AddSession(await _data.AddUser("alice"), "waiting", maxPlayers: 3);
        await _data.AddSession(await _data.AddUser("bob"), "running", maxPlayers: 1);

        var lists = await List();

        Assert.Equal(["waiting"], lists.Pending.Select(s => s.Room));
        Assert.Equal(["running"], lists.Active.Select(s => s.Room));
        Assert.Equal(SessionState.Active, lists.Active[0].State);
    }

    [Fact]
    public async Task List_ShowsOnlyPresentPlayers_TheRobotAmongThem()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        await _data.AddSession(alice, "lounge", robot: "eliza");
        await _data.SeatRobot(await _data.AddRobotUser("eliza"), "lounge");
        await _data.Join(bob, "lounge");
        await _data.Join(await _data.AddUser("carol"), "lounge");
        await _data.Leave(bob, "lounge");

        var session = Assert.Single((await List()).Pending);

        Assert.Equal(["alice", "eliza", "carol"], session.Players);
        Assert.Equal("alice", session.Host);
        Assert.Equal("eliza", session.Robot);
    }

    [Fact]
    public async Task List_OrdersPlayersByTheirCurrentSeat_SoOneWhoCameBackIsListedLast()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        await _data.AddSession(alice, "lounge");
        await _data.Join(bob, "lounge");
        await _data.Join(await _data.AddUser("carol"), "lounge");
        await _data.Leave(bob, "lounge");
        await _data.Join(bob, "lounge");

        var session = Assert.Single((await List()).Pending);

        Assert.Equal(["alice", "carol", "bob"], session.Players);
        Assert.Equal((await _data.FindSession("lounge")).Players.Select(p => p.Username), session.Players);
    }

    [Fact]
    public async Task List_NamesTheHostTheSessionWasHandedTo_AsTheAggregateDoes()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge");
        await _data.Join(await _data.AddUser("bob"), "lounge");
        await _data.Leave(alice, "lounge");

        var listed = Assert.Single((await List()).Pending);
        var session = await _data.FindSession("lounge");

        Assert.Equal("bob", listed.Host);
        Assert.Equal(session.HostName, listed.Host);
        Assert.Equal(session.HostId, listed.HostId);
    }

    public void Dispose() => _data.Dispose();

    private async Task<SessionLists> List()
    {
        await using var db = _data.NewContext();
        return await new ListSessionsHandler(db).Handle(new ListSessions(), Ct);
    }
}
