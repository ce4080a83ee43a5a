using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Users.ListUsers;

/// <summary>
/// The signed-in users, a session's robot among them like anyone else, in the
/// order of their names ignoring case. Not by id: a robot is registered when it
/// sits down, so in id order it would come after the people of its game.
/// </summary>
public sealed record ListUsers : IQuery<IReadOnlyList<UserDto>>;

public sealed class ListUsersHandler(IChatDbContext db) : IQueryHandler<ListUsers, IReadOnlyList<UserDto>>
{
    public async ValueTask<IReadOnlyList<UserDto>> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        var rows = await Rows(db).ToListAsync(cancellationToken);
        return [.. rows.Select(r => UserDto.Of(r.Id, r.Username, r.SessionId))];
    }

    /// <summary>The listing as one query; public so that each database provider's translation of it can be checked.</summary>
    public static IQueryable<ListedUser> Rows(IChatDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Users
            .Where(u => u.SignedOutAt == null)
            .OrderBy(u => u.NormalizedUsername)
            .ThenBy(u => u.Id)
            .Select(u => new ListedUser(
                u.Id,
                u.Username,
                db.Members.Where(m => m.UserId == u.Id && m.LeftAt == null).Select(m => (int?)m.SessionId).FirstOrDefault()));
    }
}

/// <summary>A signed-in user and the session they are a present player of, if any.</summary>
public sealed record ListedUser(int Id, string Username, int? SessionId);
