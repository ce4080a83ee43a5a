using Chat.Application.Common.Behaviours;
using Chat.Application.Common.Interfaces;
using Chat.Application.Games.CastVote;
using Chat.Application.Sessions.Common;
using Chat.Domain.Games;
using Chat.Domain.Messages;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Games.CastRobotVote;

/// <summary>
/// A game's robot casts its ballot when its stored moment comes: it names a human it
/// suspects from the conversation (<see cref="RobotSuspicion"/>) and votes the way a
/// player does (<see cref="Ballots"/>), so its vote looks like anyone's. False when it
/// is not due, or already cast by another node.
/// </summary>
public sealed record CastRobotVote(int SessionId) : ICommand<bool>, IRetryOnConflict;

public sealed class CastRobotVoteHandler(IChatDbContext db, SessionCommitter committer, TimeProvider clock)
    : ICommandHandler<CastRobotVote, bool>
{
    /// <summary>What the robot remembers of the conversation when it decides.</summary>
    public const int ContextSize = 100;

    public async ValueTask<bool> Handle(CastRobotVote command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var session = await db.Sessions.Include(s => s.Members).FirstOrDefaultAsync(s => s.Id == command.SessionId, cancellationToken);
        if (session?.Game is not { } game || !game.RobotBallotDue(now)
            || session.Players.FirstOrDefault(p => p.IsRobot) is not { } robot)
        {
            return false;
        }

        var recent = await db.Messages
            .AsNoTracking()
            .Where(m => m.SessionId == session.Id && m.Kind == MessageKind.Chat)
            .OrderByDescending(m => m.Seq)
            .Take(ContextSize)
            .Select(m => new HeardLine(m.Sender, m.Text))
            .ToListAsync(cancellationToken);
        recent.Reverse();
        var humans = session.Players.Where(p => !p.IsRobot).Select(p => p.Username).ToList();
        if (RobotSuspicion.Choose(robot.Username, humans, recent, Random.Shared) is not { } suspect)
        {
            return false;
        }

        await Ballots.Cast(session, robot.UserId, suspect, now, committer, cancellationToken);
        return true;
    }
}
