using Chat.Application.Common.Models;
using Chat.Domain.Sessions;

namespace Chat.Application.Common.Mapping;

/// <summary>
/// A session's game on the wire. Written by hand: <c>voters</c> comes from the session's
/// seats, and the result's votes keep the order they were cast in.
/// </summary>
public static class GameMapping
{
    public static GameDto? GameDto(this ChatSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Game is not { } game)
        {
            return null;
        }

        var result = game.Result is { } r
            ? new GameResultDto(r.Robot, new Dictionary<string, string>(r.Votes, StringComparer.Ordinal), r.Correct, r.RobotCaught)
            : null;
        return new GameDto(game.Phase, game.EndsAt, game.Votes.Count, session.GameVoters, result);
    }
}
