using Chat.Domain.Common;
using Chat.Domain.Sessions.Events;
using Chat.Domain.Users;

namespace Chat.Domain.Sessions;

/// <summary>
/// A room where players meet. The aggregate guards capacity, state and the host
/// hand-over; every change bumps <see cref="Version"/>, which the database uses as
/// a concurrency token so two racing joins cannot both take the last place.
/// </summary>
public sealed class ChatSession
{
    public const int DefaultMaxPlayers = 4;
    public const int MinPlayersAllowed = 1;
    public const int MaxPlayersAllowedLimit = 100;
    public const int MaxRobotLength = 20;

    public static readonly string MaxPlayersRuleText =
        $"max_players_allowed must be between {MinPlayersAllowed} and {MaxPlayersAllowedLimit}.";

    private readonly List<SessionMember> _members = [];
    private readonly List<SessionEvent> _events = [];

    private ChatSession()
    {
        Room = string.Empty;
        NormalizedRoom = string.Empty;
    }

    private ChatSession(RoomName room, string? robot, int hostId, int maxPlayersAllowed, DateTimeOffset createdAt)
    {
        Room = room.Value;
        NormalizedRoom = room.Key;
        Robot = robot;
        HostId = hostId;
        MaxPlayersAllowed = maxPlayersAllowed;
        CreatedAt = createdAt;
        State = SessionState.Pending;
    }

    public int Id { get; private set; }

    public string Room { get; private set; }

    /// <summary>Upper-case key of the room; unique among all sessions, ended ones included.</summary>
    public string NormalizedRoom { get; private set; }

    /// <summary>The AI model that plays along, or null for humans only.</summary>
    public string? Robot { get; private set; }

    public int HostId { get; private set; }

    public SessionState State { get; private set; }

    public int MaxPlayersAllowed { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyCollection<SessionMember> Members => _members.AsReadOnly();

    /// <summary>Present players in the order they joined, robot included.</summary>
    public IEnumerable<SessionMember> Players => _members.Where(m => m.IsPresent).OrderBy(m => m.JoinedAt).ThenBy(m => m.Id);

    public int HumanPlayerCount => _members.Count(m => m.IsPresent && !m.IsRobot);

    /// <summary>What changed since the aggregate was loaded; the application turns these into notices.</summary>
    public IReadOnlyList<SessionEvent> Events => _events.AsReadOnly();

    public static ChatSession Host(User host, string room, string? robot, int maxPlayersAllowed, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(host);
        var problem = RoomName.Problem(room);
        if (problem is not null)
        {
            throw new DomainException(problem);
        }

        if (maxPlayersAllowed is < MinPlayersAllowed or > MaxPlayersAllowedLimit)
        {
            throw new DomainException(MaxPlayersRuleText);
        }

        if (host.IsRobot || !host.IsSignedIn)
        {
            throw new DomainException("Only a signed-in person can host a session.");
        }

        var session = new ChatSession(RoomName.Of(room), robot, host.Id, maxPlayersAllowed, at);
        session.Seat(host, at);
        return session;
    }

    public void Join(User user, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsRobot)
        {
            throw new DomainException("A robot is seated with AddRobot.");
        }

        EnsureNotPresent(user.Id);
        switch (State)
        {
            case SessionState.Inactive:
                throw new DomainException(Refusals.Ended(Room));
            case SessionState.Active:
                throw new DomainException(Refusals.AlreadyStarted(Room));
        }

        if (HumanPlayerCount >= MaxPlayersAllowed)
        {
            throw new DomainException(Refusals.Full(Room));
        }

        Seat(user, at);
    }

    /// <summary>Seats the session's robot; it takes no human place.</summary>
    public void AddRobot(User robot, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(robot);
        if (!robot.IsRobot || Robot is null)
        {
            throw new DomainException("Only a session with a robot can seat one.");
        }

        if (State == SessionState.Inactive || _members.Any(m => m.IsPresent && m.IsRobot))
        {
            throw new DomainException("This session cannot take a robot now.");
        }

        var seat = new SessionMember(robot, at);
        seat.Announce(at);
        _members.Add(seat);
        Touch(new PlayerJoined(robot.Username, IsRobot: true));
    }

    /// <summary>
    /// Takes a player out. The host's place passes to the longest-present human;
    /// when no human is left the session ends and its robot leaves with it.
    /// </summary>
    public void Leave(int userId, DateTimeOffset at)
    {
        var member = _members.FirstOrDefault(m => m.IsPresent && m.UserId == userId)
            ?? throw new DomainException(Refusals.NotAPlayer(Room));

        member.Leave(at);
        Touch(new PlayerLeft(member.UserId, member.Username));

        if (member.IsRobot)
        {
            return;
        }

        if (HumanPlayerCount == 0)
        {
            End(at);
            return;
        }

        if (HostId == userId)
        {
            var next = Players.First(m => !m.IsRobot);
            HostId = next.UserId;
            Touch(new HostChanged(next.UserId, next.Username));
        }
    }

    /// <summary>
    /// A player's connection joins the room. The first one of their seat announces them
    /// (<see cref="PlayerArrived"/>); a reconnect, a reload or a second tab hears the room
    /// again silently.
    /// </summary>
    public void Enter(int userId, DateTimeOffset at)
    {
        var member = _members.FirstOrDefault(m => m.IsPresent && m.UserId == userId)
            ?? throw new DomainException(Refusals.NotAPlayerYet(Room));
        if (member.AnnouncedAt is not null)
        {
            return;
        }

        member.Announce(at);
        Touch(new PlayerArrived(member.Username));
    }

    public bool IsPresent(int userId) => _members.Any(m => m.IsPresent && m.UserId == userId);

    public string HostName => _members.Where(m => m.UserId == HostId).OrderByDescending(m => m.JoinedAt).Select(m => m.Username).FirstOrDefault() ?? string.Empty;

    public void ClearEvents() => _events.Clear();

    private void Seat(User user, DateTimeOffset at)
    {
        _members.Add(new SessionMember(user, at));
        Touch(new PlayerJoined(user.Username, IsRobot: false));
        if (HumanPlayerCount >= MaxPlayersAllowed)
        {
            State = SessionState.Active;
            Touch(new SessionStarted());
        }
    }

    private void End(DateTimeOffset at)
    {
        foreach (var robot in _members.Where(m => m.IsPresent && m.IsRobot))
        {
            robot.Leave(at);
            Touch(new PlayerLeft(robot.UserId, robot.Username));
        }

        State = SessionState.Inactive;
        Touch(new SessionEnded());
    }

    private void EnsureNotPresent(int userId)
    {
        if (IsPresent(userId))
        {
            throw new DomainException(Refusals.AlreadyAPlayer(Room));
        }
    }

    private void Touch(SessionEvent happened)
    {
        Version++;
        _events.Add(happened);
    }
}
