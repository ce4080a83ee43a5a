using Chat.Application.Common.Behaviours;
using Chat.Application.Common.Interfaces;
using Chat.Application.Sessions.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Presence.GiveUpSeat;

/// <summary>
/// Takes a lapsed player out of their session, as if they had sent "leave".
/// True when they were taken out; false when they had already left (another
/// process's sweep, or the player, got there first), so running it twice is safe.
/// </summary>
public sealed record GiveUpSeat(int UserId, int SessionId) : ICommand<bool>, IRetryOnConflict;

public sealed class GiveUpSeatHandler(IChatDbContext db, SessionCommitter committer, Random random, TimeProvider clock)
    : ICommandHandler<GiveUpSeat, bool>
{
    public async ValueTask<bool> Handle(GiveUpSeat command, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.Include(s => s.Members).FirstOrDefaultAsync(s => s.Id == command.SessionId, cancellationToken);
        if (session is null || !session.IsPresent(command.UserId))
        {
            return false;
        }

        session.Leave(command.UserId, clock.GetUtcNow(), random);
        await committer.Commit(session, cancellationToken);
        return true;
    }
}
