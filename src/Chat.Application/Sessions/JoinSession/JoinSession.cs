using Chat.Application.Common.Behaviours;
using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Sessions.Common;
using Chat.Domain.Common;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Sessions.JoinSession;

/// <summary>Joins the named session, or, with <c>Random</c>, any pending session that has room.</summary>
public sealed record JoinSession(string? Room, bool Random) : ICommand<SessionDto>, IRetryOnConflict;

public sealed class JoinSessionHandler(IChatDbContext db, ICurrentUser currentUser, SessionCommitter committer, TimeProvider clock)
    : ICommandHandler<JoinSession, SessionDto>
{
    public async ValueTask<SessionDto> Handle(JoinSession command, CancellationToken cancellationToken)
    {
        var user = await db.RequireUser(currentUser, cancellationToken);
        var current = await db.CurrentSessionOf(user.Id, cancellationToken);
        if (current is not null)
        {
            throw new ConflictException($"You are already in the session '{current.Room}'; leave it first.");
        }

        var session = command.Random
            ? await PickOpenSession(cancellationToken)
            : await FindByRoom(command.Room!, cancellationToken);

        session.Join(user, clock.GetUtcNow());
        try
        {
            return await committer.Commit(session, cancellationToken);
        }
        catch (UniqueConstraintException)
        {
            throw new ConflictException("You joined another session at the same moment; leave it first.");
        }
    }

    private async Task<ChatSession> FindByRoom(string room, CancellationToken cancellationToken)
    {
        var key = Names.Key(RoomName.Clean(room));
        return await db.Sessions.Include(s => s.Members).FirstOrDefaultAsync(s => s.NormalizedRoom == key, cancellationToken)
            ?? throw new NotFoundException($"There is no session named '{RoomName.Clean(room)}'.");
    }

    private async Task<ChatSession> PickOpenSession(CancellationToken cancellationToken)
    {
        var open = await OpenSessionIds(db.Sessions).ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            throw new NotFoundException("There is no open session to join right now; host one instead.");
        }

        // Spread random joiners over the open sessions instead of piling onto the oldest.
        var id = open[System.Random.Shared.Next(open.Count)];
        return await db.Sessions.Include(s => s.Members).FirstAsync(s => s.Id == id, cancellationToken);
    }

    /// <summary>Pending sessions with a free human place; public so that each database provider's translation of it can be checked.</summary>
    public static IQueryable<int> OpenSessionIds(IQueryable<ChatSession> sessions) =>
        sessions
            .Where(s => s.State == SessionState.Pending
                && s.Members.Count(m => m.LeftAt == null && !m.IsRobot) < s.MaxPlayersAllowed)
            .Select(s => s.Id);
}
