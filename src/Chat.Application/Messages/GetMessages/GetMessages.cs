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
            : History.Page(messages, query.AfterId, query.BeforeId, limit);
        var rows = await page.ToListAsync(cancellationToken);
        return [.. History.OldestFirst(rows, query.AfterId ?? query.AfterSeq).Select(m => m.ToDto(session.Room))];
    }
}

/// <summary>Paging over a room's messages, shared by the REST history and the hub's join.</summary>
public static class History
{
    /// <summary>By id, as v1 clients page.</summary>
    public static IQueryable<ChatMessage> Page(IQueryable<ChatMessage> messages, long? afterId, long? beforeId, int limit)
    {
        if (afterId is { } after)
        {
            messages = messages.Where(m => m.Id > after);
        }

        if (beforeId is { } before)
        {
            messages = messages.Where(m => m.Id < before);
        }

        // After an id the reader wants what comes next; otherwise the most recent.
        var ordered = afterId is null ? messages.OrderByDescending(m => m.Id) : messages.OrderBy(m => m.Id);
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
