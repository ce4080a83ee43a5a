using Chat.Application.Common.Interfaces;
using Mediator;

namespace Chat.Application.Users.CheckSignIn;

/// <summary>Whether a sign-in is still valid: a cookie issued before logout is refused.</summary>
public sealed record CheckSignIn(int UserId) : IQuery<bool>;

public sealed class CheckSignInHandler(IChatDbContext db) : IQueryHandler<CheckSignIn, bool>
{
    public async ValueTask<bool> Handle(CheckSignIn query, CancellationToken cancellationToken) =>
        await db.IsSignedIn(query.UserId, cancellationToken);
}
