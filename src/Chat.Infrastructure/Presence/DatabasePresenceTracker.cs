using Chat.Application.Common.Interfaces;
using Chat.Application.Presence;
using Chat.Domain.Sessions;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Presence;

/// <summary>Presence kept in the HubConnections table, shared by every process on the database.</summary>
internal sealed class DatabasePresenceTracker(ChatDbContext db, IOptions<PresenceOptions> options) : IPresenceTracker
{
    private DbSet<ConnectionRecord> Connections => db.Set<ConnectionRecord>();

    public async Task Connected(string connectionId, int userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var now = at.ToUnixTimeMilliseconds();
        Connections.Add(new ConnectionRecord { ConnectionId = connectionId, UserId = userId, OpenedAtMs = now, LastSeenAtMs = now });
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task Disconnected(string connectionId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Connections.Where(c => c.ConnectionId == connectionId && c.ClosedAtMs == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ClosedAtMs, at.ToUnixTimeMilliseconds()), cancellationToken);

    public Task Heartbeat(IReadOnlyCollection<string> connectionIds, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (connectionIds.Count == 0)
        {
            return Task.CompletedTask;
        }

        var ids = connectionIds.ToList();
        return Connections.Where(c => ids.Contains(c.ConnectionId) && c.ClosedAtMs == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.LastSeenAtMs, at.ToUnixTimeMilliseconds()), cancellationToken);
    }

    public async Task<IReadOnlyList<LapsedPlayer>> FindLapsed(DateTimeOffset offlineBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var staleBefore = (now - options.Value.ConnectionStaleAfter).ToUnixTimeMilliseconds();
        var players = await db.Members
            .Where(m => m.LeftAt == null && !m.IsRobot)
            .Join(db.Sessions.Where(s => s.State != SessionState.Inactive), m => m.SessionId, s => s.Id, (m, s) => m)
            .Where(m => Connections.Any(c => c.UserId == m.UserId))
            .Where(m => !Connections.Any(c => c.UserId == m.UserId && c.ClosedAtMs == null && c.LastSeenAtMs >= staleBefore))
            .Select(m => new
            {
                m.UserId,
                m.SessionId,
                m.JoinedAt,
                LastGone = Connections.Where(c => c.UserId == m.UserId).Max(c => c.ClosedAtMs ?? c.LastSeenAtMs),
            })
            .ToListAsync(cancellationToken);

        // A connection that ended before the player joined says nothing about this stay.
        var cutoff = offlineBefore.ToUnixTimeMilliseconds();
        return [.. players
            .Where(p => p.LastGone >= p.JoinedAt.ToUnixTimeMilliseconds() && p.LastGone < cutoff)
            .Select(p => new LapsedPlayer(p.UserId, p.SessionId))];
    }

    public Task<int> ForgetEnded(DateTimeOffset endedBefore, CancellationToken cancellationToken)
    {
        var cutoff = endedBefore.ToUnixTimeMilliseconds();
        return Connections
            .Where(c => (c.ClosedAtMs ?? c.LastSeenAtMs) < cutoff)
            .Where(c => !db.Members.Any(m => m.UserId == c.UserId && m.LeftAt == null))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
