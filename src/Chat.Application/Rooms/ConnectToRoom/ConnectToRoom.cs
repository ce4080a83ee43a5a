using Chat.Application.Common.Behaviours;
using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Mapping;
using Chat.Application.Common.Models;
using Chat.Application.Messages.GetMessages;
using Chat.Application.Sessions.Common;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Rooms.ConnectToRoom;

/// <summary>
/// A player's real-time connection joins their session's room: it receives the
/// room's broadcasts from now on and gets the history, and on the seat's first
/// connection the room hears "&lt;name&gt; has joined the room." (once per seat: a
/// reconnect, a reload or a second tab joins silently). With <c>AfterSeq</c> the
/// history is what came after it, up to <see cref="ConnectToRoomHandler.MaxCatchUp"/>;
/// without, the latest <see cref="ConnectToRoomHandler.HistorySize"/>.
/// </summary>
public sealed record ConnectToRoom(string? Room, string? Username, string ConnectionId, long? AfterSeq = null)
    : ICommand<ConnectedToRoom>, IRetryOnConflict;

/// <summary>
/// The history (oldest first) stops before the join notice, which arrives as a live
/// event. <c>Complete</c> is false when more came after <c>AfterSeq</c> than were
/// returned: the rest is fetched by REST. <c>Session</c> is the room's state now.
/// </summary>
public sealed record ConnectedToRoom(string Room, IReadOnlyList<MessageDto> Messages, bool Complete, SessionDto Session);

public sealed class ConnectToRoomHandler(
    IChatDbContext db,
    ICurrentUser currentUser,
    IChatBroadcaster broadcaster,
    SessionCommitter committer,
    IRobotTurns robots,
    TimeProvider clock)
    : ICommandHandler<ConnectToRoom, ConnectedToRoom>
{
    public const int HistorySize = 50;

    public const int MaxCatchUp = GetMessages.MaxLimit;

    public async ValueTask<ConnectedToRoom> Handle(ConnectToRoom command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var username = currentUser.Username!;
        if (!Username.IsExactly(command.Username!.Trim(), username))
        {
            throw new ForbiddenAccessException($"You can only join as {username}.");
        }

        var room = RoomName.Of(command.Room!);
        var session = await db.Sessions.Include(s => s.Members).FirstOrDefaultAsync(s => s.NormalizedRoom == room.Key, cancellationToken)
            ?? throw new NotFoundException(Refusals.NoSuchRoom(room.Value));
        if (!session.IsPresent(userId))
        {
            throw new ForbiddenAccessException(Refusals.NotAPlayerYet(session.Room));
        }

        // Listening first, reading second: a message stored in between is heard twice
        // (the client keeps one by seq) rather than missed.
        await broadcaster.AddToRoom(command.ConnectionId, session.Id, cancellationToken);
        var messages = db.Messages.AsNoTracking().Where(m => m.SessionId == session.Id);
        var limit = command.AfterSeq is null ? HistorySize : MaxCatchUp;
        var page = await History.PageBySeq(messages, command.AfterSeq, null, limit + 1).ToListAsync(cancellationToken);
        var complete = command.AfterSeq is null || page.Count <= limit;
        MessageDto[] history = [.. History.OldestFirst(page.Take(limit), command.AfterSeq).Select(m => m.ToDto(session.Room))];

        session.Enter(userId, clock.GetUtcNow());
        var dto = await committer.Commit(session, cancellationToken);

        // A robot takes its seat a while after a person has come in, as a person would.
        if (session.Robot is not null && !session.Members.Any(m => m.IsRobot))
        {
            robots.PlayerEntered(session.Id);
        }

        return new ConnectedToRoom(session.Room, history, complete, dto);
    }
}
