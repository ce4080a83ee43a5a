using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Users.GetCurrentUser;

public sealed record GetCurrentUser : IQuery<UserDto>;

public sealed class GetCurrentUserHandler(IChatDbContext db, ICurrentUser currentUser) : IQueryHandler<GetCurrentUser, UserDto>
{
    public async ValueTask<UserDto> Handle(GetCurrentUser query, CancellationToken cancellationToken)
    {
        var user = await db.RequireUser(currentUser, cancellationToken);
        var sessionId = await db.Members
            .Where(m => m.UserId == user.Id && m.LeftAt == null)
            .Select(m => (int?)m.SessionId)
            .FirstOrDefaultAsync(cancellationToken);
        return UserDto.Of(user.Id, user.Username, sessionId);
    }
}
