using Chat.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Presence.CloseSignedOutConnections;

/// <summary>
/// Of the users holding these connections, closes the connections of those whose
/// sign-in has ended: a logout served elsewhere whose word did not reach them.
/// Returns how many users' connections were closed.
/// </summary>
public sealed record CloseSignedOutConnections(IReadOnlyCollection<int> UserIds) : ICommand<int>;

public sealed class CloseSignedOutConnectionsHandler(IChatDbContext db, IChatBroadcaster broadcaster)
    : ICommandHandler<CloseSignedOutConnections, int>
{
    public async ValueTask<int> Handle(CloseSignedOutConnections command, CancellationToken cancellationToken)
    {
        if (command.UserIds.Count == 0)
        {
            return 0;
        }

        var userIds = command.UserIds.Distinct().ToList();
        var signedOut = await db.Users
            .Where(u => userIds.Contains(u.Id) && u.SignedOutAt != null)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        foreach (var userId in signedOut)
        {
            await broadcaster.CloseConnectionsOf(userId, cancellationToken);
        }

        return signedOut.Count;
    }
}
