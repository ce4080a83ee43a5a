using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Users.ListUsers;

/// <summary>The signed-in users, a session's robot among them like anyone else.</summary>
public sealed record ListUsers : IQuery<IReadOnlyList<UserDto>>;

public sealed class ListUsersHandler(IChatDbContext db) : IQueryHandler<ListUsers, IReadOnlyList<UserDto>>
{
    public async ValueTask<IReadOnlyList<UserDto>> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        var rows = await db.Users
            .Where(u => u.SignedOutAt == null)
            .OrderBy(u => u.Id)
            .Select(u => new
            {
                u.Id,
                u.Username,
                SessionId = db.Members.Where(m => m.UserId == u.Id && m.LeftAt == null).Select(m => (int?)m.SessionId).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => UserDto.Of(r.Id, r.Username, r.SessionId))];
    }
}
