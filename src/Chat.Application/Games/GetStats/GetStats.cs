using Chat.Application.Common.Interfaces;
using Chat.Domain.Games;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Games.GetStats;

/// <summary>How each robot model fared, and the players who spotted robots most often.</summary>
public sealed record GetStats : IQuery<GameStats>;

public sealed record GameStats(IReadOnlyList<RobotStats> Robots, IReadOnlyList<PlayerStats> Players);

/// <summary>
/// <c>JudgedHumanRate</c>: the share of humans' votes in the model's finished games that
/// did not name it (the Turing-test figure); null before any such vote.
/// </summary>
public sealed record RobotStats(string Model, int Games, int Caught, double? JudgedHumanRate);

/// <summary><c>Games</c>: finished games the player held a seat in; <c>Correct</c>: those in which they named the robot.</summary>
public sealed record PlayerStats(string Username, int Games, int Correct);

public sealed class GetStatsHandler(IChatDbContext db) : IQueryHandler<GetStats, GameStats>
{
    public const int TopPlayers = 20;

    public async ValueTask<GameStats> Handle(GetStats query, CancellationToken cancellationToken)
    {
        // A game counts once it has started (chatted) and is over.
        var finished = await db.Sessions
            .AsNoTracking()
            .Include(s => s.Members)
            .Where(s => s.Robot != null && s.Game != null && s.Game.Phase == GamePhase.Over && s.Game.StartedAt != null)
            .ToListAsync(cancellationToken);

        var robots = finished
            .GroupBy(s => s.Robot!)
            .Select(model =>
            {
                var humanVotes = model.SelectMany(s => s.Game!.Votes).Where(v => !v.ByRobot).ToList();
                double? judgedHuman = humanVotes.Count == 0 ? null : (double)humanVotes.Count(v => !v.NamesRobot) / humanVotes.Count;
                return new RobotStats(model.Key, model.Count(), model.Count(s => s.Game!.RobotCaught), judgedHuman);
            })
            .OrderBy(r => r.Model, StringComparer.Ordinal)
            .ToList();

        var players = finished
            .SelectMany(s => s.Members
                .Where(m => !m.IsRobot)
                .Select(m => m.UserId)
                .Distinct()
                .Select(userId => (
                    Name: s.Members.First(m => m.UserId == userId).Username,
                    Correct: s.Game!.Votes.Any(v => v.VoterId == userId && v.NamesRobot))))
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new PlayerStats(p.Key, p.Count(), p.Count(g => g.Correct)))
            .OrderByDescending(p => p.Correct)
            .ThenByDescending(p => p.Games)
            .ThenBy(p => p.Username, StringComparer.Ordinal)
            .Take(TopPlayers)
            .ToList();

        return new GameStats(robots, players);
    }
}
