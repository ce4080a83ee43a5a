using Chat.Application.Common;
using Chat.Application.Common.Interfaces;
using Chat.Application.Sessions.Common;
using Mediator;

namespace Chat.Application.Users.Logout;

/// <summary>Leaves the caller's session, ends the sign-in, frees the name and closes the caller's connections.</summary>
public sealed record Logout : ICommand, Common.Behaviours.IRetryOnConflict;

public sealed class LogoutHandler(
    IChatDbContext db,
    ICurrentUser currentUser,
    SessionCommitter committer,
    Announcements announcements,
    Random random,
    TimeProvider clock) : ICommandHandler<Logout>
{
    public async ValueTask<Unit> Handle(Logout command, CancellationToken cancellationToken)
    {
        var user = await db.RequireUser(currentUser, cancellationToken);
        var now = clock.GetUtcNow();
        user.SignOut(now);

        var session = await db.CurrentSessionOf(user.Id, cancellationToken);
        if (session is null)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            session.Leave(user.Id, now, random);
            await committer.Commit(session, cancellationToken);
        }

        announcements.CloseConnectionsOf(user.Id);
        return Unit.Value;
    }
}
