using Chat.Domain.Common;

namespace Chat.Domain.Users;

/// <summary>
/// A signed-in person (or a session's robot). A user row outlives its sign-in so
/// that the messages it wrote keep their author; the name is freed at sign-out.
/// </summary>
public sealed class User
{
    private User()
    {
        Username = string.Empty;
        NormalizedUsername = string.Empty;
    }

    private User(Users.Username username, bool isRobot, DateTimeOffset at)
    {
        Username = username.Value;
        NormalizedUsername = username.Key;
        IsRobot = isRobot;
        RegisteredAt = at;
    }

    public int Id { get; private set; }

    public string Username { get; private set; }

    /// <summary>Upper-case key of the NFC name; unique among signed-in users.</summary>
    public string NormalizedUsername { get; private set; }

    public bool IsRobot { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset? SignedOutAt { get; private set; }

    public bool IsSignedIn => SignedOutAt is null;

    public static User Register(string username, DateTimeOffset at) => Create(username, isRobot: false, at);

    /// <summary>A session's robot: a user like any other, so listings cannot tell it apart.</summary>
    public static User RegisterRobot(string username, DateTimeOffset at) => Create(username, isRobot: true, at);

    public void SignOut(DateTimeOffset at)
    {
        if (!IsSignedIn)
        {
            throw new DomainException("You are already signed out.");
        }

        SignedOutAt = at;
    }

    private static User Create(string username, bool isRobot, DateTimeOffset at) =>
        new(Users.Username.Parse(username), isRobot, at);
}
