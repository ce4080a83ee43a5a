using Chat.Domain.Games;

namespace Chat.Domain.Sessions.Events;

/// <summary>The game moved to another phase.</summary>
public sealed record GamePhaseChanged(GamePhase Phase) : SessionEvent;

/// <summary>A vote was cast, changed or withdrawn; the room hears the new count.</summary>
public sealed record VotesChanged : SessionEvent;

/// <summary>A game that had started is over: its robot is named to the room.</summary>
public sealed record RobotRevealed(string Robot) : SessionEvent;

/// <summary>A human's seat freed because the session ended around them; no one left, so no notice.</summary>
public sealed record SeatFreed(int UserId) : SessionEvent;
