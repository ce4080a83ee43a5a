using Chat.Infrastructure.Persistence;
using Chat.Infrastructure.Presence;
using Chat.Infrastructure.Realtime;
using Chat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Presence.Support;

/// <summary>
/// One server process of the service (<see cref="ChatApp"/>) over the SQLite file it
/// is given, with presence times short enough for a test: two of them over one file
/// are two processes sharing a database. Sweeps every 200 ms; a connection nobody
/// vouches for is stale after 5 s.
/// </summary>
public sealed class PresenceApp : ChatApp
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMilliseconds(200);

    private const string SweeperCategory = "Chat.Infrastructure.Presence.PresenceSweeper";

    public PresenceApp(string databasePath, TimeSpan disconnectGrace)
        : base(databasePath, new ServerLog(informationFrom: SweeperCategory))
    {
        DisconnectGrace = disconnectGrace;
        Settings["Chat:DisconnectGrace"] = disconnectGrace.ToString("c");
        Settings["Chat:PresenceSweepInterval"] = SweepInterval.ToString("c");
        Settings["Chat:ConnectionStaleAfter"] = TimeSpan.FromSeconds(5).ToString("c");
    }

    public TimeSpan DisconnectGrace { get; }

    /// <summary>How many players this process's sweeps took out, as they reported it.</summary>
    public int PlayersExpired =>
        Log.Entries.Count(e => e.Category == SweeperCategory && e.Text.EndsWith("after the disconnect grace period", StringComparison.Ordinal));

    /// <summary>
    /// Returns once this process has run a whole sweep (heartbeat, sign-out check
    /// and expiry) that began after this call. Its heartbeat is what shows: the
    /// sweep that wrote one heartbeat has finished when the next one is written.
    /// Needs a live hub connection held by this process.
    /// </summary>
    public async Task WaitForAWholeSweep()
    {
        var mark = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var first = await Eventually.Value(LastHeartbeat, beat => beat > mark, $"a heartbeat from {BaseAddress}");
        await Eventually.Value(LastHeartbeat, beat => beat > first, $"a second heartbeat from {BaseAddress}");
    }

    /// <summary>The hub connections this process holds and vouches for in its heartbeat: user by connection id.</summary>
    public IReadOnlyDictionary<string, int> LocalConnections => Services.GetRequiredService<ConnectionRegistry>().Snapshot();

    /// <summary>Rows of <c>HubConnections</c> not marked closed: of one user, or of everyone.</summary>
    public async Task<int> OpenConnectionRows(int? userId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChatDbContext>().Set<ConnectionRecord>()
            .CountAsync(c => c.ClosedAtMs == null && (userId == null || c.UserId == userId), TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Returns once this process has recorded the close of every hub connection the
    /// user opened. A client's dispose returns before the server has run
    /// OnDisconnectedAsync, so "closed before" needs the server's word, not the client's.
    /// </summary>
    public Task ConnectionsClosed(string username) => Eventually.True(
        async () =>
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
            var records = db.Set<ConnectionRecord>().Where(c => db.Users.Any(u => u.Id == c.UserId && u.Username == username));
            return await records.AnyAsync(TestContext.Current.CancellationToken)
                && !await records.AnyAsync(c => c.ClosedAtMs == null, TestContext.Current.CancellationToken);
        },
        $"{BaseAddress} to record that {username}'s connections closed");

    private async Task<long> LastHeartbeat()
    {
        var local = LocalConnections.Keys.ToList();
        Assert.True(local.Count > 0, $"{BaseAddress} holds no hub connection to vouch for.");
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        return await db.Set<ConnectionRecord>()
            .Where(c => local.Contains(c.ConnectionId))
            .MaxAsync(c => c.LastSeenAtMs, TestContext.Current.CancellationToken);
    }
}
