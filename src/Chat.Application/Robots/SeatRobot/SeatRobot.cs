using Chat.Application.Common.Behaviours;
using Chat.Application.Common.Interfaces;
using Chat.Application.Sessions.Common;
using Chat.Application.Sessions.HostSession;
using Chat.Domain.Robots;
using Chat.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Robots.SeatRobot;

/// <summary>
/// A session hosted with a robot gets it seated, recruited under a fresh name: the room
/// hears of it through <c>session_updated</c>, as it hears of a person's REST join. It is
/// sent a little while after a person's hub join in that room
/// (<see cref="IRobotTurns.PlayerEntered"/>, at a moment drawn by
/// <see cref="HumanPace.Arrival"/>), never at hosting time: a robot seated before its
/// host had even connected, or always second, would be a tell. Its join notice follows
/// when it enters the room, <see cref="HumanPace.Entering"/> later
/// (<see cref="AnnounceRobot.AnnounceRobot"/>), as a person's page connects after they join.
/// True when it sat down now; false when it already had, the session has no robot, or
/// the session is over, so sending it twice, from two nodes, is safe.
/// </summary>
public sealed record SeatRobot(int SessionId) : ICommand<bool>, IRetryOnConflict;

public sealed class SeatRobotHandler(
    IChatDbContext db,
    SessionCommitter committer,
    RobotRecruiter recruiter,
    IRobotTurns robots,
    HumanPace pace,
    TimeProvider clock)
    : ICommandHandler<SeatRobot, bool>
{
    public async ValueTask<bool> Handle(SeatRobot command, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.Include(s => s.Members).FirstOrDefaultAsync(s => s.Id == command.SessionId, cancellationToken);
        if (session is null || session.Robot is null || session.State == SessionState.Inactive || session.Members.Any(m => m.IsRobot))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        session.AddRobot(await recruiter.Recruit(now, cancellationToken), now, pace.Entering());
        await committer.Commit(session, cancellationToken);
        robots.RobotSeated(session.Id, session.RobotEntersAt!.Value);
        return true;
    }
}
