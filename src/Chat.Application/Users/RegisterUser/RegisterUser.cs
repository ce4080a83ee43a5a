using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Domain.Common;
using Chat.Domain.Users;
using Mediator;

namespace Chat.Application.Users.RegisterUser;

public sealed record RegisterUser(string? Username) : ICommand<RegisteredUser>;

public sealed record RegisteredUser(int Id, string Username);

public sealed class RegisterUserHandler(IChatDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RegisterUser, RegisteredUser>
{
    public async ValueTask<RegisteredUser> Handle(RegisterUser command, CancellationToken cancellationToken)
    {
        // The cookie of a sign-in that has ended (logged out) does not count: registering replaces it.
        if (currentUser.Id is { } id && currentUser.Username is { } signedIn && await db.IsSignedIn(id, cancellationToken))
        {
            throw new ConflictException($"You are already signed in as {signedIn}; log out first.");
        }

        var user = User.Register(command.Username!, clock.GetUtcNow());
        if (await db.IsNameHeld(user.NormalizedUsername, cancellationToken))
        {
            throw Taken(user.Username);
        }

        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintException)
        {
            throw Taken(user.Username);
        }

        return new RegisteredUser(user.Id, user.Username);
    }

    private static ConflictException Taken(string username) =>
        new($"The name '{username}' is taken; please pick another.");
}
