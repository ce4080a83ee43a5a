using Chat.Application.Common.Behaviours;
using Chat.Application.Sessions.Common;
using Chat.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Games.AdvanceGame;

/// <summary>
/// Carries out a game's due phase change: the chat ends and the vote opens, or the
/// vote ends with the session. Any node may send it when the stored due time has
/// passed; the session's concurrency token lets one change win, and run again the
/// command finds nothing due. True when this run made the change.
/// </summary>
public sealed record AdvanceGame(int SessionId) : ICommand<bool>, IRetryOnConflict;

public sealed class AdvanceGameHandler(IChatDbContext db, SessionCommitter committer, TimeProvider clock)
    : ICommandHandler<AdvanceGame, bool>
{
    /// <summary>The robot casts its ballot somewhere in this share of the vote, as a person who thinks a moment would.</summary>
    public const double EarliestBallot = 0.15;

    public const double LatestBallot = 0.5;

    public async ValueTask<bool> Handle(AdvanceGame command, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.Include(s => s.Members).FirstOrDefaultAsync(s => s.Id == command.SessionId, cancellationToken);
        if (session?.Game is not { } game)
        {
            return false;
        }

        var share = EarliestBallot + (Random.Shared.NextDouble() * (LatestBallot - EarliestBallot));
        if (!session.AdvanceGame(clock.GetUtcNow(), game.VoteLength * share))
        {
            return false;
        }

        await committer.Commit(session, cancellationToken);
        return true;
    }
}
