using Chat.Application.Common.Interfaces;
using Chat.Domain.Sessions;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Presence;

/// <summary>Presence kept in the HubConnections table, shared by every process on the database.</summary>
internal sealed class DatabasePresenceTracker(ChatDbContext db) : IPresenceTracker
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

    public async Task<IReadOnlyList<AbsentSeat>> AbsentSeats(DateTimeOffset vouchedSince, CancellationToken cancellationToken)
    {
        var since = vouchedSince.ToUnixTimeMilliseconds();
        var seats = await db.Members
            .Where(m => m.LeftAt == null && !m.IsRobot)
            .Join(db.Sessions.Where(s => s.State != SessionState.Inactive), m => m.SessionId, s => s.Id, (m, s) => m)
            .Where(m => !Connections.Any(c => c.UserId == m.UserId && c.ClosedAtMs == null && c.LastSeenAtMs >= since))
            .Select(m => new
            {
                m.UserId,
                m.SessionId,
                m.JoinedAt,
                LastGone = Connections.Where(c => c.UserId == m.UserId).Max(c => (long?)(c.ClosedAtMs ?? c.LastSeenAtMs)),
            })
            .ToListAsync(cancellationToken);
        return [.. seats.Select(s => new AbsentSeat(
            s.UserId,
            s.SessionId,
            s.JoinedAt,
            s.LastGone is { } gone ? DateTimeOffset.FromUnixTimeMilliseconds(gone) : null))];
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
