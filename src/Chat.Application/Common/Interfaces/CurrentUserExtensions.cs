using Chat.Application.Common.Exceptions;
using Chat.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Common.Interfaces;

public static class CurrentUserExtensions
{
    public static int RequireId(this ICurrentUser currentUser) =>
        currentUser.Id ?? throw new UnauthorizedException();

    /// <summary>Loads the caller's user row, refusing a sign-in that has ended.</summary>
    public static async Task<User> RequireUser(this IChatDbContext db, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var id = currentUser.RequireId();
        return await db.Users.FirstOrDefaultAsync(u => u.Id == id && u.SignedOutAt == null, cancellationToken)
            ?? throw new UnauthorizedException("Your sign-in has ended; please register again.");
    }

    /// <summary>Whether the user's sign-in has not ended (a cookie issued before logout is refused).</summary>
    public static Task<bool> IsSignedIn(this IChatDbContext db, int userId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id == userId && u.SignedOutAt == null, cancellationToken);

    /// <summary>Whether a signed-in user holds the name with this key (<see cref="User.NormalizedUsername"/>).</summary>
    public static Task<bool> IsNameHeld(this IChatDbContext db, string normalizedUsername, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.NormalizedUsername == normalizedUsername && u.SignedOutAt == null, cancellationToken);

    /// <summary>The session the user is a present player of, with its members, or null.</summary>
    public static Task<Domain.Sessions.ChatSession?> CurrentSessionOf(this IChatDbContext db, int userId, CancellationToken cancellationToken) =>
        db.Sessions
            .Include(s => s.Members)
            .Where(s => s.Members.Any(m => m.UserId == userId && m.LeftAt == null))
            .FirstOrDefaultAsync(cancellationToken);
}
