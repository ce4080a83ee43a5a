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

namespace Chat.Application.Sessions.HostSession;

/// <summary>
/// Creates a pending session with the caller as host and first player; with a
/// robot, its user and seat are stored in the same transaction.
/// </summary>
public sealed record HostSession(string? Room, string? Robot, int? MaxPlayersAllowed) : ICommand<SessionDto>, IRetryOnConflict;

public sealed class HostSessionHandler(
    IChatDbContext db,
    ICurrentUser currentUser,
    SessionCommitter committer,
    RobotRecruiter recruiter,
    TimeProvider clock) : ICommandHandler<HostSession, SessionDto>
{
    /// <summary>How often a robot's name may be lost to a person registering it at the same instant.</summary>
    public const int RobotNameAttempts = 3;

    public async ValueTask<SessionDto> Handle(HostSession command, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var user = await db.RequireUser(currentUser, cancellationToken);
            var room = RoomName.Clean(command.Room!);
            await EnsureFree(user.Id, room, cancellationToken);

            var now = clock.GetUtcNow();
            var session = ChatSession.Host(user, room, command.Robot, command.MaxPlayersAllowed ?? ChatSession.DefaultMaxPlayers, now);
            var robot = command.Robot is null ? null : await recruiter.Recruit(now, cancellationToken);
            if (robot is not null)
            {
                session.AddRobot(robot, now);
            }

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
                if (!await LostRobotName(robot, attempt, cancellationToken))
                {
                    throw;
                }
            }
        }
    }

    /// <summary>
    /// Whether a person registered the robot's name between the check and the save.
    /// That is no conflict of the host's, so hosting is tried again with a fresh
    /// name. The retry behaviour cannot do this: it handles concurrency tokens only,
    /// and a unique violation elsewhere is a real 409.
    /// </summary>
    private async Task<bool> LostRobotName(User? robot, int attempt, CancellationToken cancellationToken) =>
        robot is not null
        && attempt < RobotNameAttempts
        && await db.IsNameHeld(robot.NormalizedUsername, cancellationToken);

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
