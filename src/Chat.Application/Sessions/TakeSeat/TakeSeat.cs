using Chat.Application.Common.Behaviours;
using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Sessions.Common;
using Chat.Application.Sessions.HostSession;
using Chat.Domain.Robots;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Sessions.TakeSeat;

/// <summary>
/// Takes a seat in the named session, or, with <c>Random</c>, in any pending session
/// that has room. Joining another session at the same moment fails on the unique
/// open seat; run again, the caller is told which session they are in.
/// </summary>
public sealed record TakeSeat(string? Room, bool Random) : ICommand<SessionDto>, IRetryOnConflict;

public sealed class TakeSeatHandler(
    IChatDbContext db,
    ICurrentUser currentUser,
    SessionCommitter committer,
    RobotRecruiter recruiter,
    IRobotTurns robots,
    HumanPace pace,
    Random random,
    TimeProvider clock)
    : ICommandHandler<TakeSeat, SessionDto>
{
    public async ValueTask<SessionDto> Handle(TakeSeat command, CancellationToken cancellationToken)
    {
        var user = await db.RequireUser(currentUser, cancellationToken);
        var current = await db.CurrentSessionOf(user.Id, cancellationToken);
        if (current is not null)
        {
            throw new ConflictException(Refusals.AlreadyInSession(current.Room));
        }

        var session = command.Random
            ? await PickOpenSession(cancellationToken)
            : await FindByRoom(command.Room!, cancellationToken);

        var now = clock.GetUtcNow();

        // A robot not seated yet sits down with whoever takes the last place, just
        // before or just after them at random, and enters the room a moment later, as
        // a person's page connects (ChatSession.Join).
        var awaitedRobot = session.Robot is not null
            && session.State == SessionState.Pending
            && !session.Members.Any(m => m.IsRobot)
            && session.HumanPlayerCount + 1 >= session.MaxPlayersAllowed
                ? new AwaitedRobot(await recruiter.Recruit(now, cancellationToken), SeatedAfter: random.Next(2) == 0, pace.Entering())
                : null;
        session.Join(user, now, awaitedRobot);
        var seated = await committer.Commit(session, cancellationToken);
        if (awaitedRobot is not null)
        {
            robots.RobotSeated(session.Id, session.RobotEntersAt!.Value);
        }

        return seated;
    }

    private async Task<ChatSession> FindByRoom(string room, CancellationToken cancellationToken)
    {
        var name = RoomName.Of(room);
        return await db.Sessions.Include(s => s.Members).FirstOrDefaultAsync(s => s.NormalizedRoom == name.Key, cancellationToken)
            ?? throw new NotFoundException(Refusals.NoSuchRoom(name.Value));
    }

    private async Task<ChatSession> PickOpenSession(CancellationToken cancellationToken)
    {
        var open = await OpenSessionIds(db.Sessions).ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            throw new NotFoundException(Refusals.NoOpenSession);
        }

        // Spread random joiners over the open sessions instead of piling onto the oldest.
        var id = open[random.Next(open.Count)];
        return await db.Sessions.Include(s => s.Members).FirstAsync(s => s.Id == id, cancellationToken);
    }

    /// <summary>Pending sessions with a free human place; public so that each database provider's translation of it can be checked.</summary>
    public static IQueryable<int> OpenSessionIds(IQueryable<ChatSession> sessions) =>
        sessions
            .Where(s => s.State == SessionState.Pending
                && s.Members.Count(m => m.LeftAt == null && !m.IsRobot) < s.MaxPlayersAllowed)
            .Select(s => s.Id);
}
