using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Rooms.SayTyping;

/// <summary>
/// A player tells their room that they are typing. The room's other connections
/// hear <c>typing</c>; the player's own do not. At most one a second per player
/// is relayed (<see cref="Domain.Messages.Typing.MinInterval"/>), the rest are
/// dropped without a word, and nothing is stored. True when it was relayed.
/// </summary>
public sealed record SayTyping(string? Room) : ICommand<bool>;

public sealed class SayTypingHandler(
    IChatDbContext db,
    ICurrentUser currentUser,
    IChatBroadcaster broadcaster,
    TypingThrottle throttle,
    TimeProvider clock) : ICommandHandler<SayTyping, bool>
{
    public async ValueTask<bool> Handle(SayTyping command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var room = RoomName.Of(command.Room!);
        var session = await db.Sessions
            .AsNoTracking()
            .Where(s => s.NormalizedRoom == room.Key)
            .Select(s => new { s.Id, s.Room, s.State, IsPlayer = s.Members.Any(m => m.UserId == userId && m.LeftAt == null) })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(Refusals.NoSuchRoom(room.Value));
        if (session.State == SessionState.Inactive)
        {
            throw new ConflictException(Refusals.Ended(session.Room));
        }

        if (!session.IsPlayer)
        {
            throw new ForbiddenAccessException(Refusals.NotAPlayer(session.Room));
        }

        if (!throttle.TryPass(userId, clock.GetUtcNow()))
        {
            return false;
        }

        await broadcaster.Typing(new TypingDto(session.Room, currentUser.Username!), session.Id, userId, cancellationToken);
        return true;
    }
}
