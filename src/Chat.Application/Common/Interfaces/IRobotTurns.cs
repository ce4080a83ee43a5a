using Chat.Application.Common.Models;

namespace Chat.Application.Common.Interfaces;

/// <summary>Lets a session's robot hear what is said in its room, so it can take its turn.</summary>
public interface IRobotTurns
{
    /// <summary>
    /// Called on the send path after each stored player's message. Must return at
    /// once and never throw: the robot's turn is taken later, elsewhere.
    /// </summary>
    void Heard(MessageDto message);

    /// <summary>
    /// A person's connection joined the room of <paramref name="sessionId"/>. If the
    /// session's robot has not sat down yet, it does so a little later, as a person
    /// arriving would (<see cref="Robots.SeatRobot.SeatRobot"/>). Must return at once and never throw.
    /// </summary>
    void PlayerEntered(int sessionId);

    /// <summary>
    /// The robot of <paramref name="sessionId"/> has just sat down: at
    /// <paramref name="entersAt"/> it enters its room (<see cref="Robots.AnnounceRobot.AnnounceRobot"/>),
    /// as a person's page connects a moment after they join. The sweep of due times does
    /// it should this process stop before. Must return at once and never throw.
    /// </summary>
    void RobotSeated(int sessionId, DateTimeOffset entersAt);

    /// <summary>
    /// The robot of <paramref name="sessionId"/> has just entered its room: like a person
    /// arriving, it reads what was said before it came, and answers it if a person would.
    /// Must return at once and never throw.
    /// </summary>
    void RobotEntered(int sessionId);
}
