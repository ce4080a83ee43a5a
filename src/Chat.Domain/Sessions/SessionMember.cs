using Chat.Domain.Users;

namespace Chat.Domain.Sessions;

/// <summary>
/// One stay of a user in a session. Rows are never deleted: a former player keeps
/// the right to read the session's history. A user has at most one open stay
/// (LeftAt null) anywhere, which the database enforces too.
/// </summary>
public sealed class SessionMember
{
    private SessionMember()
    {
        Username = string.Empty;
    }

    internal SessionMember(User user, DateTimeOffset joinedAt, DateTimeOffset? entersAt = null)
    {
        // Holding the user, not just its id, lets a robot created with its session
        // be stored in the same save: its id is known only once it is inserted.
        User = user;
        UserId = user.Id;
        Username = user.Username;
        IsRobot = user.IsRobot;
        JoinedAt = joinedAt;
        EntersAt = entersAt;
    }

    public int Id { get; private set; }

    public int SessionId { get; private set; }

    public int UserId { get; private set; }

    /// <summary>Set when seated in this unit of work; not loaded with the session.</summary>
    public User? User { get; private set; }

    public string Username { get; private set; }

    public bool IsRobot { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    public DateTimeOffset? LeftAt { get; private set; }

    /// <summary>When the room was told this player joined: at their first connection to it (a robot's, at <see cref="EntersAt"/>).</summary>
    public DateTimeOffset? AnnouncedAt { get; private set; }

    /// <summary>
    /// A robot's due time: when it enters the room, a moment after taking its seat, as a
    /// person's page connects after they join. Null for a person, who enters by connecting.
    /// </summary>
    public DateTimeOffset? EntersAt { get; private set; }

    public bool IsPresent => LeftAt is null;

    internal void Leave(DateTimeOffset at) => LeftAt = at;

    internal void Announce(DateTimeOffset at) => AnnouncedAt = at;
}
