using Chat.Application.Common.DueTimes;
using Chat.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Robots.AnnounceRobot;

/// <summary>The seated robots whose moment to enter their room has come.</summary>
public sealed class DueRobotEntrances(IChatDbContext db) : IDueWork
{
    public async Task<IReadOnlyList<ICommand<bool>>> Due(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Only robots seated and not yet announced: a handful of rows, found through their
        // own index, so the times are compared here, the same on every provider.
        var waiting = await db.Members
            .AsNoTracking()
            .Where(m => m.EntersAt != null && m.AnnouncedAt == null && m.LeftAt == null)
            .Select(m => new { m.SessionId, m.EntersAt })
            .ToListAsync(cancellationToken);

        return [.. waiting.Where(m => m.EntersAt <= now).Select(m => new AnnounceRobot(m.SessionId))];
    }
}
