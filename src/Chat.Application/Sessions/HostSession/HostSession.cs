using Chat.Application.Common.Behaviours;
using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Sessions.Common;
using Chat.Domain.Common;
using Chat.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Sessions.HostSession;

/// <summary>Creates a pending session with the caller as host and first player.</summary>
public sealed record HostSession(string? Room, string? Robot, int? MaxPlayersAllowed) : ICommand<SessionDto>, IRetryOnConflict;

public sealed class HostSessionHandler(IChatDbContext db, ICurrentUser currentUser, SessionCommitter committer, TimeProvider clock)
    : ICommandHandler<HostSession, SessionDto>
{
    public async ValueTask<SessionDto> Handle(HostSession command, CancellationToken cancellationToken)
    {
        var user = await db.RequireUser(currentUser, cancellationToken);
        var room = RoomName.Clean(command.Room!);
        await EnsureFree(user.Id, room, cancellationToken);

        var session = ChatSession.Host(user, room, command.Robot, command.MaxPlayersAllowed ?? ChatSession.DefaultMaxPlayers, clock.GetUtcNow());
        db.Sessions.Add(session);
        try
        {
            return await committer.Commit(session, cancellationToken);
        }
        catch (UniqueConstraintException)
        {
            // A racing request took the room or seated the caller elsewhere; say which.
            db.ChangeTracker.Clear();
            await EnsureFree(user.Id, room, cancellationToken);
            throw;
        }
    }

    private async Task EnsureFree(int userId, string room, CancellationToken cancellationToken)
    {
        var current = await db.Members
            .Where(m => m.UserId == userId && m.LeftAt == null)
            .Join(db.Sessions, m => m.SessionId, s => s.Id, (m, s) => s.Room)
            .FirstOrDefaultAsync(cancellationToken);
        if (current is not null)
        {
            throw new ConflictException($"You are already in the session '{current}'; leave it first.");
        }

        var key = Names.Key(room);
        if (await db.Sessions.AnyAsync(s => s.NormalizedRoom == key, cancellationToken))
        {
            throw new ConflictException($"The room '{room}' is taken; please pick another name.");
        }
    }
}
