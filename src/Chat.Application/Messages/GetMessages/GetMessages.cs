using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Mapping;
using Chat.Application.Common.Models;
using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Messages.GetMessages;

/// <summary>
/// A page of a room's history, oldest first. Without bounds: the latest <c>Limit</c>;
/// a "before" bound: the latest before it; an "after" bound: the oldest after it (what
/// a reconnecting client asks for); both: the oldest of that range. The bounds are
/// ids (v1) or seqs, never both kinds in one request.
/// </summary>
public sealed record GetMessages(
    string Room,
    long? AfterId = null,
    long? BeforeId = null,
    int? Limit = null,
    long? AfterSeq = null,
    long? BeforeSeq = null)
    : IQuery<IReadOnlyList<MessageDto>>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
}

public sealed class GetMessagesHandler(IChatDbContext db, ICurrentUser currentUser)
    : IQueryHandler<GetMessages, IReadOnlyList<MessageDto>>
{
    public async ValueTask<IReadOnlyList<MessageDto>> Handle(GetMessages query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var room = RoomName.Of(query.Room);
        var session = await db.Sessions
            .Where(s => s.NormalizedRoom == room.Key)
            .Select(s => new { s.Id, s.Room, WasPlayer = s.Members.Any(m => m.UserId == userId) })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(Refusals.NoSuchRoom(room.Value));
        if (!session.WasPlayer)
        {
            throw new ForbiddenAccessException(Refusals.OnlyPlayersRead(session.Room));
        }

        var limit = Math.Min(query.Limit ?? GetMessages.DefaultLimit, GetMessages.MaxLimit);
        var messages = db.Messages.AsNoTracking().Where(m => m.SessionId == session.Id);
        var page = query.AfterSeq is not null || query.BeforeSeq is not null
            ? History.PageBySeq(messages, query.AfterSeq, query.BeforeSeq, limit)
            : History.Page(messages, await History.Bound(db.Messages.AsNoTracking(), session.Id, query.AfterId, query.BeforeId, cancellationToken), limit);
        var rows = await page.ToListAsync(cancellationToken);
        return [.. History.OldestFirst(rows, query.AfterId ?? query.AfterSeq).Select(m => m.ToDto(session.Room))];
    }
}

/// <summary>Paging over a room's messages, shared by the REST history and the hub's join.</summary>
public static class History
{
    /// <summary>
    /// Where a v1 page's ids fall in the room. A room's ids rise with its seqs: every
    /// message is inserted after its session's counter moved, and the counter holds the
    /// session until the commit (ADR-013), so an id of one of the room's messages is
    /// turned into its seq and the page is read through the seq index. Any other id (0, a
    /// message of another room) stays an id and is compared as one.
    /// </summary>
    /// <param name="messages">Every room's messages: the ids are looked up by key alone, since
    /// SQLite would rather scan the room's seq index than look up a key within a room.</param>
    public static async Task<IdBounds> Bound(IQueryable<ChatMessage> messages, int sessionId, long? afterId, long? beforeId, CancellationToken cancellationToken)
    {
        List<long> ids = [.. new[] { afterId, beforeId }.OfType<long>()];
        if (ids.Count == 0)
        {
            return new IdBounds(null, null);
        }

        var found = await messages.Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.SessionId, m.Seq }).ToListAsync(cancellationToken);
        var seqs = found.Where(m => m.SessionId == sessionId).ToDictionary(m => m.Id, m => m.Seq);
        return new IdBounds(
            afterId is { } after ? new IdBound(after, seqs.TryGetValue(after, out var afterSeq) ? afterSeq : null) : null,
            beforeId is { } before ? new IdBound(before, seqs.TryGetValue(before, out var beforeSeq) ? beforeSeq : null) : null);
    }

    /// <summary>By id, as v1 clients page, in the room's order (see <see cref="Bound"/>).</summary>
    public static IQueryable<ChatMessage> Page(IQueryable<ChatMessage> messages, IdBounds bounds, int limit)
    {
        if (bounds.After is { Seq: { } afterSeq })
        {
            messages = messages.Where(m => m.Seq > afterSeq);
        }
        else if (bounds.After is { Id: var afterId })
        {
            messages = messages.Where(m => m.Id > afterId);
        }

        if (bounds.Before is { Seq: { } beforeSeq })
        {
            messages = messages.Where(m => m.Seq < beforeSeq);
        }
        else if (bounds.Before is { Id: var beforeId })
        {
            messages = messages.Where(m => m.Id < beforeId);
        }

        // After an id the reader wants what comes next; otherwise the most recent.
        var ordered = bounds.After is null ? messages.OrderByDescending(m => m.Seq) : messages.OrderBy(m => m.Seq);
        return ordered.Take(limit);
    }

    /// <summary>By seq: the order the messages were stored in, on any number of servers.</summary>
    public static IQueryable<ChatMessage> PageBySeq(IQueryable<ChatMessage> messages, long? afterSeq, long? beforeSeq, int limit)
    {
        if (afterSeq is { } after)
        {
            messages = messages.Where(m => m.Seq > after);
        }

        if (beforeSeq is { } before)
        {
            messages = messages.Where(m => m.Seq < before);
        }

        var ordered = afterSeq is null ? messages.OrderByDescending(m => m.Seq) : messages.OrderBy(m => m.Seq);
        return ordered.Take(limit);
    }

    public static IEnumerable<ChatMessage> OldestFirst(IEnumerable<ChatMessage> page, long? after) =>
        after is null ? page.Reverse() : page;
}

/// <summary>A v1 page's bounds: the ids a client gave, each with its seq when it is one of the room's messages.</summary>
public readonly record struct IdBounds(IdBound? After, IdBound? Before);

/// <summary>An id a client paged by, and its seq in the room, or null when it is not one of the room's messages.</summary>
public readonly record struct IdBound(long Id, long? Seq);
