using Chat.Domain.Sessions.Events;

namespace Chat.Application.Sessions.Common;

/// <summary>The system notices players read in the room, worded as the contract gives them.</summary>
public static class SessionNotices
{
    public static string Joined(string username) => $"{username} has joined the room.";

    public static string Left(string username) => $"{username} has left the room.";

    public const string Started = "The session has started.";

    public const string Ended = "The session has ended.";

    public const string VoteOpened = "Time to vote: who is the robot?";

    public static string RobotWas(string robot) => $"The robot was {robot}.";

    /// <summary>
    /// The notice for a session event, or null when players learn of it otherwise: a
    /// person's join is announced when their first connection joins the room
    /// (<see cref="PlayerArrived"/>), a new host through <c>session_updated</c>. A robot has
    /// no connection: the session announces it the same way when it enters the room, a
    /// moment after its seat, and it reads the same.
    /// </summary>
    public static string? For(SessionEvent happened) => happened switch
    {
        PlayerArrived arrived => Joined(arrived.Username),
        PlayerLeft left => Left(left.Username),
        SessionStarted => Started,
        SessionEnded => Ended,
        GamePhaseChanged { Phase: Domain.Games.GamePhase.Vote } => VoteOpened,
        RobotRevealed revealed => RobotWas(revealed.Robot),
        _ => null,
    };
}
