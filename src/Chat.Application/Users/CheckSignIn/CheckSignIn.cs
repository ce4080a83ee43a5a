using Chat.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Users.CheckSignIn;

/// <summary>Whether a sign-in is still valid: a cookie issued before logout is refused.</summary>
public sealed record CheckSignIn(int UserId) : IQuery<bool>;

public sealed class CheckSignInHandler(IChatDbContext db) : IQueryHandler<CheckSignIn, bool>
{
    public async ValueTask<bool> Handle(CheckSignIn query, CancellationToken cancellationToken) =>
        await db.Users.AnyAsync(u => u.Id == query.UserId && u.SignedOutAt == null, cancellationToken);
}
