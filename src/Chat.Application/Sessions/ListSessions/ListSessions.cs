using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Mapping;
using Chat.Application.Common.Models;
using Chat.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Sessions.ListSessions;

/// <summary>The sessions still running; ended ones are no longer listed.</summary>
public sealed record ListSessions : IQuery<SessionLists>;

public sealed record SessionLists(IReadOnlyList<SessionDto> Pending, IReadOnlyList<SessionDto> Active);

public sealed class ListSessionsHandler(IChatDbContext db) : IQueryHandler<ListSessions, SessionLists>
{
    public async ValueTask<SessionLists> Handle(ListSessions query, CancellationToken cancellationToken)
    {
        var live = await db.Sessions
            .AsNoTracking()
            .Include(s => s.Members.Where(m => m.LeftAt == null))
            .Where(s => s.State != SessionState.Inactive)
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken);
        return new SessionLists(
            [.. live.Where(s => s.State == SessionState.Pending).Select(s => s.ToDto())],
            [.. live.Where(s => s.State == SessionState.Active).Select(s => s.ToDto())]);
    }
}
