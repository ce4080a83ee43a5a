namespace Chat.Domain.Sessions.Events;

/// <summary>Something that happened to a session and that its players are told about.</summary>
public abstract record SessionEvent;

/// <summary>A seat taken. The room hears of the player through <c>session_updated</c>; their join notice comes when they enter (<see cref="PlayerArrived"/>).</summary>
public sealed record PlayerJoined(string Username, bool IsRobot) : SessionEvent;

/// <summary>A player's first connection to the room, or the robot's entrance: the room hears they joined, once per seat.</summary>
public sealed record PlayerArrived(string Username) : SessionEvent;

/// <summary>A seat given up; the user's connections stop hearing the room once it is committed.</summary>
public sealed record PlayerLeft(int UserId, string Username) : SessionEvent;

public sealed record HostChanged(int NewHostId, string NewHost) : SessionEvent;

public sealed record SessionStarted : SessionEvent;

public sealed record SessionEnded : SessionEvent;
