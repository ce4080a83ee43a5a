using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Mapping;
using Chat.Application.Common.Models;
using Chat.Application.Messages.GetMessages;
using Chat.Application.Sessions.Common;
using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Rooms.ConnectToRoom;

/// <summary>
/// A player's real-time connection joins their session's room: it receives the
/// room's broadcasts from now on, gets the recent history, and the room hears
/// "&lt;name&gt; has joined the room.".
/// </summary>
public sealed record ConnectToRoom(string? Room, string? Username, string ConnectionId) : ICommand<ConnectedToRoom>;

/// <summary>The history returned stops before the join notice, which arrives as a live event.</summary>
public sealed record ConnectedToRoom(string Room, IReadOnlyList<MessageDto> Messages);

public sealed class ConnectToRoomHandler(IChatDbContext db, ICurrentUser currentUser, IChatBroadcaster broadcaster, IRobotTurns robots, TimeProvider clock)
    : ICommandHandler<ConnectToRoom, ConnectedToRoom>
{
    public const int HistorySize = 50;

    public async ValueTask<ConnectedToRoom> Handle(ConnectToRoom command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var username = currentUser.Username!;
        if (!Username.IsExactly(command.Username!.Trim(), username))
        {
            throw new ForbiddenAccessException($"You can only join as {username}.");
        }

        var room = RoomName.Of(command.Room!);
        var session = await db.Sessions
            .Where(s => s.NormalizedRoom == room.Key)
            .Select(s => new
            {
                s.Id,
                s.Room,
                IsPlayer = s.Members.Any(m => m.UserId == userId && m.LeftAt == null),
                RobotAwaited = s.Robot != null && !s.Members.Any(m => m.IsRobot),
            })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(Refusals.NoSuchRoom(room.Value));
        if (!session.IsPlayer)
        {
            throw new ForbiddenAccessException(Refusals.NotAPlayerYet(session.Room));
        }

        var page = await History.Page(db.Messages.AsNoTracking().Where(m => m.SessionId == session.Id), null, null, HistorySize)
            .ToListAsync(cancellationToken);
        var history = History.OldestFirst(page, null).Select(m => m.ToDto(session.Room)).ToList();

        await broadcaster.AddToRoom(command.ConnectionId, session.Id, cancellationToken);
        var notice = ChatMessage.Notice(session.Id, SessionNotices.Joined(username), clock.GetUtcNow());
        db.Messages.Add(notice);
        // One save, so its own transaction: the room hears the notice once it is committed.
        await db.SaveChangesAsync(cancellationToken);
        await broadcaster.MessagePosted(notice.ToDto(session.Room), cancellationToken);
        if (session.RobotAwaited)
        {
            robots.PlayerEntered(session.Id);
        }

        return new ConnectedToRoom(session.Room, history);
    }
}
