using Chat.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Robots.FindRobotSeat;

/// <summary>Who plays as a session's robot: its user and the model behind it.</summary>
public sealed record RobotSeat(int UserId, string Username, string Model);

/// <summary>
/// The robot of a session, or null when it has none. A session's robot is seated
/// when the session is hosted and never replaced, so the answer may be kept.
/// </summary>
public sealed record FindRobotSeat(int SessionId) : IQuery<RobotSeat?>;

public sealed class FindRobotSeatHandler(IChatDbContext db) : IQueryHandler<FindRobotSeat, RobotSeat?>
{
    public async ValueTask<RobotSeat?> Handle(FindRobotSeat query, CancellationToken cancellationToken) =>
        await db.Members
            .AsNoTracking()
            .Where(m => m.SessionId == query.SessionId && m.IsRobot)
            .Join(db.Sessions.Where(s => s.Robot != null), m => m.SessionId, s => s.Id, (m, s) => new RobotSeat(m.UserId, m.Username, s.Robot!))
            .FirstOrDefaultAsync(cancellationToken);
}
