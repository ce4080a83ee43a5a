using Microsoft.Data.Sqlite;

namespace Chat.Web.Tests.Presence.Support;

/// <summary>
/// One or more server processes over one SQLite file of their own, started one
/// after the other as a rolling deployment would. One instance per test class.
/// </summary>
public abstract class Servers(int count, TimeSpan disconnectGrace) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"chat-presence-web-{Guid.NewGuid():N}");
    private readonly List<PresenceApp> _apps = [];

    public PresenceApp A => _apps[0];

    public PresenceApp B => _apps[1];

    public IReadOnlyList<PresenceApp> All => _apps;

    public TimeSpan DisconnectGrace => disconnectGrace;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        for (var i = 0; i < count; i++)
        {
            var app = new PresenceApp(Path.Combine(_folder, "chat.db"), disconnectGrace);
            _apps.Add(app);
            await app.InitializeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// One process; a grace period of 3 s, for players who stay away. Not less: a seat
/// taken by REST lapses if no connection opens within the grace, and a busy machine
/// can take over a second between a player's REST call and their hub connection.
/// </summary>
public sealed class OneServer() : Servers(1, TimeSpan.FromSeconds(3));

/// <summary>One process; a grace period of 4 s, time enough to reconnect on a busy machine.</summary>
public sealed class OneServerWithTimeToReconnect() : Servers(1, TimeSpan.FromSeconds(4));

/// <summary>Two processes over one database; a grace period of 4 s.</summary>
public sealed class TwoServers() : Servers(2, TimeSpan.FromSeconds(4));

/// <summary>
/// The test classes that share one pair of processes, one class after another:
/// starting two servers is the slow part of these tests.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedTwoServers : ICollectionFixture<TwoServers>
{
    public const string Name = "Two servers over one database";
}
