using Chat.Domain.Sessions;
using Chat.Infrastructure.Tests.Presence.Support;

namespace Chat.Infrastructure.Tests.Presence;

/// <summary>Several processes sweeping one database at once, on many lapsed players of one session.</summary>
public sealed class ExpireRacingSweepsTests : IDisposable
{
    private readonly PresenceDatabase _data = new();

    [Fact]
    public async Task Expire_ThreeSweepsRacingOverAWholeRoomThatLapsed_TakeEachPlayerOutOnce_AndEndTheSessionOnce()
    {
        var names = new[] { "alice", "bob", "carol", "dave", "erin" };
        var players = new List<Domain.Users.User>();
        foreach (var name in names)
        {
            players.Add(await _data.AddUser(name));
        }

        await _data.Host(players[0], "lounge", maxPlayers: 10);
        foreach (var player in players.Skip(1))
        {
            await _data.Join(player, "lounge");
        }

        _data.Clock.Advance(TimeSpan.FromSeconds(1));
        foreach (var player in players)
        {
            await _data.Connected($"{player.Username}-1", player);
            await _data.Disconnected($"{player.Username}-1");
        }

        _data.Clock.Advance(PresenceDatabase.Grace + TimeSpan.FromSeconds(1));

        // Sweep as each process's timer would until nobody is left; a sweep that lost a race leaves the rest to the next.
        var expired = 0;
        for (var round = 0; round < names.Length && (await _data.FindLapsed()).Count > 0; round++)
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => _data.Expire(), TestContext.Current.CancellationToken)));
            expired += results.Sum();
        }

        Assert.Equal(names.Length, expired);
        var session = await _data.Session("lounge");
        Assert.Equal(SessionState.Inactive, session.State);
        Assert.Equal(names.Length, session.Members.Count);
        var texts = await _data.TextsIn("lounge");
        Assert.Equal(names.Length + 1, texts.Count);
        Assert.All(names, name => Assert.Single(texts, $"{name} has left the room."));
        Assert.Equal("The session has ended.", texts[^1]);
    }

    public void Dispose() => _data.Dispose();
}
