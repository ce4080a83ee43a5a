using Chat.Application.Common.Behaviours;
using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Games;
using Chat.Application.Sessions.Common;
using Chat.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chat.Application.Sessions.HostSession;

/// <summary>
/// Creates a pending session with the caller as host and first player. A robot
/// is only named here (its model); it sits down later, after a person has entered
/// the room (<see cref="Robots.SeatRobot.SeatRobot"/>), as a person joining would. A
/// racing request that takes the room or seats the caller elsewhere makes the save
/// fail on a unique index; run again (<see cref="IRetryOnConflict"/>), the checks
/// below then name the conflict.
/// </summary>
public sealed record HostSession(string? Room, string? Robot, int? MaxPlayersAllowed) : ICommand<SessionDto>, IRetryOnConflict;

public sealed class HostSessionHandler(
    IChatDbContext db,
    ICurrentUser currentUser,
    SessionCommitter committer,
    TimeProvider clock,
    IOptions<GameOptions>? games = null) : ICommandHandler<HostSession, SessionDto>
{
    public async ValueTask<SessionDto> Handle(HostSession command, CancellationToken cancellationToken)
    {
        var user = await db.RequireUser(currentUser, cancellationToken);
        var room = RoomName.Of(command.Room!);
        await EnsureFree(user.Id, room, cancellationToken);

        var now = clock.GetUtcNow();
        var session = ChatSession.Host(user, room.Value, command.Robot, command.MaxPlayersAllowed ?? ChatSession.DefaultMaxPlayers, now, games?.Value.Lengths);

        db.Sessions.Add(session);
        return await committer.Commit(session, cancellationToken);
    }

    private async Task EnsureFree(int userId, RoomName room, CancellationToken cancellationToken)
    {
        var current = await db.Members
            .Where(m => m.UserId == userId && m.LeftAt == null)
            .Join(db.Sessions, m => m.SessionId, s => s.Id, (m, s) => s.Room)
            .FirstOrDefaultAsync(cancellationToken);
        if (current is not null)
        {
            throw new ConflictException(Refusals.AlreadyInSession(current));
        }

        if (await db.Sessions.AnyAsync(s => s.NormalizedRoom == room.Key, cancellationToken))
        {
            throw new ConflictException(Refusals.RoomTaken(room.Value));
        }
    }
}
