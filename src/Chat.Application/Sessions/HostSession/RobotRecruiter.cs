using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Domain.Common;
using Chat.Domain.Users;
using Microsoft.EntityFrameworkCore;

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
            var name = names.NextName();
            if (!await IsTaken(name, cancellationToken))
            {
                return User.RegisterRobot(name, at);
            }
        }

        throw new ConflictException("No free name could be found for the robot; please try again.");
    }

    /// <summary>Whether a signed-in user holds this name, ignoring case.</summary>
    public Task<bool> IsTaken(string name, CancellationToken cancellationToken)
    {
        var key = Names.Key(Names.Normalize(name));
        return db.Users.AnyAsync(u => u.NormalizedUsername == key && u.SignedOutAt == null, cancellationToken);
    }
}
