using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Domain.Common;
using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Messaging;

/// <summary>
/// Checks a batch of drafts against the stored sessions with one query, stores the
/// ones whose sender is a present player of a live session in that room, and
/// answers every draft: the stored message, or why it was refused.
/// </summary>
internal sealed class MessageBatchWriter(IChatDbContext db)
{
    public async Task Write(IReadOnlyList<PendingMessage> batch, CancellationToken cancellationToken)
    {
        var keyed = batch.Select(p => (Pending: p, RoomKey: Names.Key(RoomName.Clean(p.Draft.Room)))).ToList();
        var seats = await FindSeats(keyed, cancellationToken);

        var accepted = new List<(PendingMessage Pending, ChatMessage Message, string Room)>(batch.Count);
        var refused = new List<(PendingMessage Pending, string RoomKey)>();
        foreach (var (pending, roomKey) in keyed)
        {
            var draft = pending.Draft;
            if (ChatMessage.TextProblem(draft.Text) is { } problem)
            {
                // Checked again here so that one bad draft cannot fail the batch it shares.
                pending.Stored.TrySetException(new DomainException(problem));
                continue;
            }

            if (seats.TryGetValue((draft.SenderId, roomKey), out var seat))
            {
                var message = ChatMessage.Post(seat.SessionId, draft.SenderId, draft.Sender, draft.Text, draft.Timestamp);
                db.Messages.Add(message);
                accepted.Add((pending, message, seat.Room));
            }
            else
            {
                refused.Add((pending, roomKey));
            }
        }

        if (accepted.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        foreach (var (pending, message, room) in accepted)
        {
            pending.Stored.TrySetResult(new PostedMessage(message, room));
        }

        if (refused.Count > 0)
        {
            await Refuse(refused, cancellationToken);
        }
    }

    private async Task<Dictionary<(int UserId, string RoomKey), Seat>> FindSeats(
        List<(PendingMessage Pending, string RoomKey)> keyed,
        CancellationToken cancellationToken)
    {
        var senderIds = keyed.Select(k => k.Pending.Draft.SenderId).Distinct().ToList();
        var roomKeys = keyed.Select(k => k.RoomKey).Distinct().ToList();
        var rows = await db.Members
            .AsNoTracking()
            .Where(m => m.LeftAt == null && senderIds.Contains(m.UserId))
            .Join(
                db.Sessions.Where(s => roomKeys.Contains(s.NormalizedRoom) && s.State != SessionState.Inactive),
                m => m.SessionId,
                s => s.Id,
                (m, s) => new { m.UserId, s.NormalizedRoom, SessionId = s.Id, s.Room })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (r.UserId, r.NormalizedRoom), r => new Seat(r.SessionId, r.Room));
    }

    /// <summary>The slow path: tell each refused sender why, precisely enough to act on.</summary>
    private async Task Refuse(List<(PendingMessage Pending, string RoomKey)> refused, CancellationToken cancellationToken)
    {
        var roomKeys = refused.Select(r => r.RoomKey).Distinct().ToList();
        var sessions = await db.Sessions
            .AsNoTracking()
            .Where(s => roomKeys.Contains(s.NormalizedRoom))
            .Select(s => new { s.NormalizedRoom, s.Room, s.State })
            .ToDictionaryAsync(s => s.NormalizedRoom, cancellationToken);
        foreach (var (pending, roomKey) in refused)
        {
            Exception reason = sessions.TryGetValue(roomKey, out var session)
                ? session.State == SessionState.Inactive
                    ? new ConflictException($"The session '{session.Room}' has ended.")
                    : new ForbiddenAccessException($"You are not a player of '{session.Room}'.")
                : new NotFoundException($"There is no session named '{RoomName.Clean(pending.Draft.Room)}'.");
            pending.Stored.TrySetException(reason);
        }
    }

    private sealed record Seat(int SessionId, string Room);
}
