using Chat.Application.Common.DueTimes;
using Chat.Application.Common.Interfaces;
using RobotBallot = Chat.Application.Games.CastRobotVote.CastRobotVote;
using Chat.Domain.Games;
using Chat.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Games.AdvanceGame;

/// <summary>The games with something due: a phase that has run out, or a robot's ballot.</summary>
public sealed class DueGames(IChatDbContext db) : IDueWork
{
    public async Task<IReadOnlyList<ICommand<bool>>> Due(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Only running games: few rows, so the times are compared here, the same on every provider.
        var running = await db.Sessions
            .AsNoTracking()
            .Where(s => s.State == SessionState.Active && s.Game != null
                && (s.Game.Phase == GamePhase.Chat || s.Game.Phase == GamePhase.Vote))
            .Select(s => new { s.Id, s.Game!.EndsAt, s.Game.RobotVotesAt })
            .ToListAsync(cancellationToken);

        List<ICommand<bool>> due = [];
        foreach (var game in running)
        {
            if (game.EndsAt <= now)
            {
                due.Add(new AdvanceGame(game.Id));
            }
            else if (game.RobotVotesAt <= now)
            {
                due.Add(new RobotBallot(game.Id));
            }
        }

        return due;
    }
}
