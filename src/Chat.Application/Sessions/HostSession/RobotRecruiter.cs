using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Domain.Users;

namespace Chat.Application.Sessions.HostSession;

/// <summary>
/// Makes the user a hosted session's robot plays as, under a generated name that
/// no signed-in user holds, so nothing about the name sets it apart from a person.
/// </summary>
public sealed class RobotRecruiter(IChatDbContext db, IRobotNameSource names)
{
    /// <summary>Generated names rarely collide; a few tries make a refusal practically impossible.</summary>
    public const int Attempts = 8;

    /// <summary>A new robot user, not yet stored: it is saved with the session that seats it.</summary>
    public async Task<User> Recruit(DateTimeOffset at, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var robot = User.RegisterRobot(names.NextName(), at);
            if (!await db.IsNameHeld(robot.NormalizedUsername, cancellationToken))
            {
                return robot;
            }
        }

        throw new ConflictException("No free name could be found for the robot; please try again.");
    }
}
