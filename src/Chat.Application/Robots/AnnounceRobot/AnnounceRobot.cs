using Chat.Application.Common.Behaviours;
using Chat.Application.Common.Interfaces;
using Chat.Application.Sessions.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Robots.AnnounceRobot;

/// <summary>
/// A seated robot enters its room when the moment stored with its seat comes: the room
/// hears "&lt;name&gt; has joined the room.", after the <c>session_updated</c> that seated
/// it, as it hears a person's at their first hub join. Sent by the node that seated it when
/// the moment comes, and by any node's sweep (<see cref="DueRobotEntrances"/>), so a node
/// lost in between loses nothing; the session's concurrency token lets one of them post
/// it. True when this run posted it.
/// </summary>
public sealed record AnnounceRobot(int SessionId) : ICommand<bool>, IRetryOnConflict;

public sealed class AnnounceRobotHandler(IChatDbContext db, SessionCommitter committer, IRobotTurns robots, TimeProvider clock)
    : ICommandHandler<AnnounceRobot, bool>
{
    public async ValueTask<bool> Handle(AnnounceRobot command, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.Include(s => s.Members).FirstOrDefaultAsync(s => s.Id == command.SessionId, cancellationToken);
        if (session is null || !session.AnnounceRobot(clock.GetUtcNow()))
        {
            return false;
        }

        await committer.Commit(session, cancellationToken);

        // In the room now, it reads what was said before it came, as a person arriving would.
        robots.RobotEntered(session.Id);
        return true;
    }
}
