using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Robots.Leases;

/// <summary>
/// The robot turn lease as a row per session in the database every server shares:
/// taking it is one conditional UPDATE (the row is free, lapsed, or already ours),
/// or, the first time, an INSERT that the primary key lets only one server win.
/// </summary>
internal sealed class DatabaseRobotTurnLease(ChatDbContext db, ServerIdentity server) : IRobotTurnLease
{
    private DbSet<RobotTurnLeaseRecord> Leases => db.Set<RobotTurnLeaseRecord>();

    public async Task<bool> TryTake(int sessionId, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var untilMs = until.ToUnixTimeMilliseconds();
        var holder = server.Id;
        var taken = await Leases
            .Where(l => l.SessionId == sessionId && (l.UntilMs < nowMs || l.Holder == holder))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, holder).SetProperty(l => l.UntilMs, untilMs), cancellationToken);
        if (taken > 0)
        {
            return true;
        }

        if (await Leases.AnyAsync(l => l.SessionId == sessionId, cancellationToken))
        {
            return false;
        }

        var lease = new RobotTurnLeaseRecord { SessionId = sessionId, Holder = holder, UntilMs = untilMs };
        Leases.Add(lease);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (UniqueConstraintException)
        {
            // Another server's first turn of this session won the insert.
            return false;
        }
        finally
        {
            db.Entry(lease).State = EntityState.Detached;
        }
    }

    public Task Release(int sessionId, CancellationToken cancellationToken) =>
        Leases.Where(l => l.SessionId == sessionId && l.Holder == server.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.UntilMs, 0L), cancellationToken);
}

/// <summary>This server process, as leases name their holder: a fresh id each start, so a restarted server holds nothing.</summary>
internal sealed class ServerIdentity
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}
