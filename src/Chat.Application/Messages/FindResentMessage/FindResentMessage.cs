using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Mapping;
using Chat.Application.Common.Models;
using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Messages.FindResentMessage;

/// <summary>
/// The message the caller stored earlier in a live room under <c>ClientMsgId</c>, or
/// null: what a resend of it is answered with when it cannot take the send path. A
/// sender over the message limit may store nothing new, but a retry after a lost
/// acknowledgement stores nothing, so it is answered as any resend is, with the
/// message stored the first time (docs/realtime.md).
/// </summary>
/// <remarks>
/// It finds only what <see cref="SendMessage.SendMessage"/> would answer as a resend:
/// a message of the signed-in user, sent as themselves, under a valid client id, in
/// a session that has not ended.
/// </remarks>
public sealed record FindResentMessage(string? From, string? Room, string? ClientMsgId) : IQuery<MessageDto?>;

public sealed class FindResentMessageHandler(IChatDbContext db, ICurrentUser currentUser)
    : IQueryHandler<FindResentMessage, MessageDto?>
{
    public async ValueTask<MessageDto?> Handle(FindResentMessage query, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } senderId
            || currentUser.Username is not { } sender
            || query.From is null || !Username.IsExactly(query.From, sender)
            || string.IsNullOrWhiteSpace(query.Room)
            || query.ClientMsgId is not { } clientMsgId || ChatMessage.ClientMsgIdProblem(clientMsgId) is not null)
        {
            return null;
        }

        var room = RoomName.Of(query.Room);
        var found = await db.Sessions
            .Where(s => s.NormalizedRoom == room.Key && s.State != SessionState.Inactive)
            .Join(
                db.Messages.Where(m => m.SenderId == senderId && m.ClientMsgId == clientMsgId),
                s => s.Id,
                m => m.SessionId,
                (s, m) => new { s.Room, Message = m })
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
        return found?.Message.ToDto(found.Room);
    }
}
