using Chat.Domain.Games;

namespace Chat.Domain.Sessions.Events;

/// <summary>The game moved to another phase.</summary>
public sealed record GamePhaseChanged(GamePhase Phase) : SessionEvent;

/// <summary>
/// A vote was cast, changed or withdrawn; the room hears the count as it stood then,
/// during the vote: the votes cast, the players who may vote, and when the vote ends.
/// Carried by the event because the vote that closes the phase is told before the
/// game that is over.
/// </summary>
public sealed record VotesChanged(int VotesCast, int Voters, DateTimeOffset? EndsAt) : SessionEvent;

/// <summary>A game that had started is over: its robot is named to the room.</summary>
public sealed record RobotRevealed(string Robot) : SessionEvent;

/// <summary>A human's seat freed because the session ended around them; no one left, so no notice.</summary>
public sealed record SeatFreed(int UserId) : SessionEvent;
