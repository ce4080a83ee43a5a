using Chat.Domain.Games;

namespace Chat.Application.Common.Models;

/// <summary>
/// The wire form of a game. <c>Voters</c> counts the present players, robot included,
/// and nothing but <c>Result</c>, sent once it is over, tells the robot apart.
/// </summary>
public sealed record GameDto(GamePhase Phase, DateTimeOffset? EndsAt, int VotesCast, int Voters, GameResultDto? Result);

/// <summary><c>Votes</c> maps each voter's name to their suspect's, names kept exactly as they are.</summary>
public sealed record GameResultDto(string Robot, IReadOnlyDictionary<string, string> Votes, IReadOnlyList<string> Correct, bool RobotCaught);
