using Chat.Application.Common.Behaviours;
using Chat.Application.Common.Interfaces;
using Chat.Application.Sessions.Common;
using Chat.Application.Sessions.HostSession;
using Chat.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Robots.SeatRobot;

/// <summary>
/// A session hosted with a robot gets it seated: recruited under a fresh name and
/// announced with the same "&lt;name&gt; has joined the room." a person's first hub
/// join posts. It is sent a little while after a person's hub join in that room
/// (<see cref="IRobotTurns.PlayerEntered"/>, at a moment drawn by
/// <see cref="Domain.Robots.HumanPace.Arrival"/>), never at hosting time: a robot
/// seated before its host had even connected, or always second, would be a tell.
/// True when it sat down now; false when it already had, the session has no robot,
/// or the session is over, so sending it twice, from two nodes, is safe.
/// </summary>
public sealed record SeatRobot(int SessionId) : ICommand<bool>, IRetryOnConflict;

public sealed class SeatRobotHandler(IChatDbContext db, SessionCommitter committer, RobotRecruiter recruiter, TimeProvider clock)
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
        session.AddRobot(await recruiter.Recruit(now, cancellationToken), now);
        await committer.Commit(session, cancellationToken);
        return true;
    }
}
