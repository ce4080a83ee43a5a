using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Mapping;
using Chat.Application.Common.Models;
using Chat.Application.Messages.GetMessages;
using Chat.Application.Sessions.Common;
using Chat.Domain.Common;
using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Rooms.JoinRoom;

/// <summary>
/// A player's real-time connection joins their session's room: it receives the
/// room's broadcasts from now on, gets the recent history, and the room hears
/// "&lt;name&gt; has joined the room.".
/// </summary>
public sealed record JoinRoom(string? Room, string? Username, string ConnectionId) : ICommand<JoinedRoom>;

/// <summary>The history returned stops before the join notice, which arrives as a live event.</summary>
public sealed record JoinedRoom(string Room, IReadOnlyList<MessageDto> Messages);

public sealed class JoinRoomHandler(IChatDbContext db, ICurrentUser currentUser, IChatBroadcaster broadcaster, TimeProvider clock)
    : ICommandHandler<JoinRoom, JoinedRoom>
{
    public const int HistorySize = 50;

    public async ValueTask<JoinedRoom> Handle(JoinRoom command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var username = currentUser.Username!;
        if (!string.Equals(Names.Normalize(command.Username!.Trim()), username, StringComparison.Ordinal))
        {
            throw new ForbiddenAccessException($"You can only join as {username}.");
        }

        var key = Names.Key(RoomName.Clean(command.Room!));
        var session = await db.Sessions
            .Where(s => s.NormalizedRoom == key)
            .Select(s => new { s.Id, s.Room, IsPlayer = s.Members.Any(m => m.UserId == userId && m.LeftAt == null) })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"There is no session named '{RoomName.Clean(command.Room!)}'.");
        if (!session.IsPlayer)
        {
            throw new ForbiddenAccessException($"You are not a player of '{session.Room}'; join the session first.");
        }

        var page = await History.Page(db.Messages.AsNoTracking().Where(m => m.SessionId == session.Id), null, null, HistorySize)
            .ToListAsync(cancellationToken);
        var history = History.OldestFirst(page, null).Select(m => m.ToDto(session.Room)).ToList();

        await broadcaster.AddToRoom(command.ConnectionId, session.Id, cancellationToken);
        var notice = ChatMessage.Notice(session.Id, SessionNotices.Joined(username), clock.GetUtcNow());
        db.Messages.Add(notice);
        await db.SaveChangesAsync(cancellationToken);
        await broadcaster.MessagePosted(notice.ToDto(session.Room), cancellationToken);

        return new JoinedRoom(session.Room, history);
    }
}
