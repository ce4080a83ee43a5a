using Chat.Web.Tests.Presence.Support;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Presence;

[Collection(SharedTwoServers.Name)]
public sealed class TwoServerBusyRoomTests(TwoServers servers) : IAsyncDisposable
{
    private readonly List<Person> _people = [];

    /// <summary>Eight players, every other one on each process: the first four go while the others send twenty messages each.</summary>
    [Fact]
    public async Task PlayersLeavingBothProcessesAtOnce_WhileOthersTalk_AreEachTakenOutOnce()
    {
        var room = Unique.Room();
        var lines = await SeatEight(room);

        var leaving = Enumerable.Range(0, 4).ToList();
        await Task.WhenAll(leaving.Select(i => lines[i].DisposeAsync().AsTask()));
        await Task.WhenAll(Enumerable.Range(4, 4).Select(async i =>
        {
            for (var n = 0; n < 20; n++)
            {
                await lines[i].Say(room, $"{_people[i].Name} says {n}");
            }
        }));

        var observer = _people[7];
        await Eventually.True(
            async () => (await observer.History(servers.B, room)).Count(t => t.EndsWith("has left the room.", StringComparison.Ordinal)) >= 4,
            "four players to be taken out");
        await Task.WhenAll(servers.A.WaitForAWholeSweep(), servers.B.WaitForAWholeSweep());

        var history = await observer.History(servers.B, room);
        Assert.All(leaving, i => Assert.Single(history, $"{_people[i].Name} has left the room."));
        Assert.Equal(80, history.Count(t => t.Contains(" says ", StringComparison.Ordinal)));
        var listed = await Lobby.Session(servers.A, room);
        Assert.Equal(_people.Skip(4).Select(p => p.Name), listed!.Value.Players());
        Assert.Contains(listed.Value.Host(), _people.Skip(4).Select(p => p.Name));
        Assert.All(servers.All, app => Assert.Empty(app.Log.Problems));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var person in _people)
        {
            await person.DisposeAsync();
        }
    }

    private PresenceApp Home(int person) => servers.All[person % 2];

    private async Task<List<RoomConnection>> SeatEight(string room)
    {
        for (var i = 0; i < 8; i++)
        {
            _people.Add(await Person.SignUp(Home(i), "p"));
        }

        await _people[0].Host(Home(0), room, maxPlayers: 10);
        for (var i = 1; i < 8; i++)
        {
            await _people[i].Join(Home(i), room);
        }

        var lines = new List<RoomConnection>();
        for (var i = 0; i < 8; i++)
        {
            lines.Add(await _people[i].Enter(Home(i), room));
        }

        return lines;
    }
}
