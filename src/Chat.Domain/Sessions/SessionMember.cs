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

    internal SessionMember(int userId, string username, bool isRobot, DateTimeOffset joinedAt)
    {
        UserId = userId;
        Username = username;
        IsRobot = isRobot;
        JoinedAt = joinedAt;
    }

    public int Id { get; private set; }

    public int SessionId { get; private set; }

    public int UserId { get; private set; }

    public string Username { get; private set; }

    public bool IsRobot { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    public DateTimeOffset? LeftAt { get; private set; }

    public bool IsPresent => LeftAt is null;

    internal void Leave(DateTimeOffset at) => LeftAt = at;
}
