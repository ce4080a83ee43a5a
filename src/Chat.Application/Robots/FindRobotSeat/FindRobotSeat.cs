using Chat.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Robots.FindRobotSeat;

/// <summary>Who plays as a session's robot: its user and the model behind it.</summary>
public sealed record RobotSeat(int UserId, string Username, string Model)
{
    /// <summary>
    /// The robot of a session hosted with one that has not entered its room yet: not seated
    /// (<see cref="SeatRobot.SeatRobot"/>), or seated and not yet announced
    /// (<see cref="AnnounceRobot.AnnounceRobot"/>).
    /// </summary>
    public static RobotSeat Awaited(string model) => new(0, string.Empty, model);

    /// <summary>False while the robot is awaited: it hears nothing and says nothing until it has entered the room.</summary>
    public bool IsSeated => UserId != 0;
}

/// <summary>
/// The robot of a session, <see cref="RobotSeat.Awaited"/> while it has not entered
/// its room yet (a person who has taken a seat but not connected says nothing either),
/// or null when the session has none. A seated robot is never replaced, and a session
/// without one never gets one, so either answer may be kept; an awaited one is asked again.
/// </summary>
public sealed record FindRobotSeat(int SessionId) : IQuery<RobotSeat?>;

public sealed class FindRobotSeatHandler(IChatDbContext db) : IQueryHandler<FindRobotSeat, RobotSeat?>
{
    public async ValueTask<RobotSeat?> Handle(FindRobotSeat query, CancellationToken cancellationToken)
    {
        var seated = await db.Members
            .AsNoTracking()
            .Where(m => m.SessionId == query.SessionId && m.IsRobot && m.AnnouncedAt != null)
            .Join(db.Sessions.Where(s => s.Robot != null), m => m.SessionId, s => s.Id, (m, s) => new RobotSeat(m.UserId, m.Username, s.Robot!))
            .FirstOrDefaultAsync(cancellationToken);
        if (seated is not null)
        {
            return seated;
        }

        var model = await db.Sessions
            .AsNoTracking()
            .Where(s => s.Id == query.SessionId)
            .Select(s => s.Robot)
            .FirstOrDefaultAsync(cancellationToken);
        return model is null ? null : RobotSeat.Awaited(model);
    }
}
