using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Sessions.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chat.Application.Presence.ExpireDisconnectedPlayers;

/// <summary>
/// Takes out every player who has been gone longer than the grace period, as if
/// they had sent "leave". Safe to run in several processes at once: a player
/// already taken out is skipped, and a lost race on the session is left to the
/// next sweep.
/// </summary>
public sealed record ExpireDisconnectedPlayers : ICommand<int>;

public sealed class ExpireDisconnectedPlayersHandler(
    IChatDbContext db,
    IPresenceTracker presence,
    SessionCommitter committer,
    IOptions<PresenceOptions> options,
    TimeProvider clock) : ICommandHandler<ExpireDisconnectedPlayers, int>
{
    public async ValueTask<int> Handle(ExpireDisconnectedPlayers command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lapsed = await presence.FindLapsed(now - options.Value.DisconnectGrace, now, cancellationToken);
        var expired = 0;
        foreach (var player in lapsed)
        {
            db.ChangeTracker.Clear();
            var session = await db.Sessions.Include(s => s.Members).FirstOrDefaultAsync(s => s.Id == player.SessionId, cancellationToken);
            if (session is null || !session.IsPresent(player.UserId))
            {
                continue;
            }

            session.Leave(player.UserId, now);
            try
            {
                await committer.Commit(session, cancellationToken);
                expired++;
            }
            catch (ConcurrencyConflictException)
            {
                // Another process changed the session first; the next sweep looks again.
            }
        }

        return expired;
    }
}
