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
}
