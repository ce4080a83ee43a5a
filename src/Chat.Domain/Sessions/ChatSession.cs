using Chat.Domain.Common;
using Chat.Domain.Games;
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

    /// <summary>With a robot and at least this many human places, a session is a game.</summary>
    public const int MinGamePlayers = 2;

    public static readonly string MaxPlayersRuleText =
        $"max_players_allowed must be between {MinPlayersAllowed} and {MaxPlayersAllowedLimit}.";

    private readonly List<SessionMember> _members = [];
    private readonly List<SessionEvent> _events = [];

    private ChatSession()
    {
        Room = string.Empty;
        NormalizedRoom = string.Empty;
    }

    private ChatSession(RoomName room, string? robot, int hostId, int maxPlayersAllowed, DateTimeOffset createdAt, GameLengths? game)
    {
        if (robot is not null && maxPlayersAllowed >= MinGamePlayers)
        {
            Game = new Game(game ?? GameLengths.Default);
        }

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

    /// <summary>"Who is the robot?", for a session hosted with a robot and two or more human places; null otherwise.</summary>
    public Game? Game { get; private set; }

    public IReadOnlyCollection<SessionMember> Members => _members.AsReadOnly();

    /// <summary>Present players in the order they joined, robot included.</summary>
    public IEnumerable<SessionMember> Players => _members.Where(m => m.IsPresent).OrderBy(m => m.JoinedAt).ThenBy(m => m.Id);

    /// <summary>Who may vote now: the present players, the robot included; at the end, those who could.</summary>
    public int GameVoters => Game is { Phase: GamePhase.Over } ? Game.VotersAtEnd : Players.Count();

    public int HumanPlayerCount => _members.Count(m => m.IsPresent && !m.IsRobot);

    /// <summary>When the seated robot enters the room (<see cref="AnnounceRobot"/>); null when none is seated and yet to enter.</summary>
    public DateTimeOffset? RobotEntersAt =>
        _members.Where(m => m.IsPresent && m.IsRobot && m.AnnouncedAt is null).Select(m => m.EntersAt ?? m.JoinedAt).Cast<DateTimeOffset?>().FirstOrDefault();

    /// <summary>What changed since the aggregate was loaded; the application turns these into notices.</summary>
    public IReadOnlyList<SessionEvent> Events => _events.AsReadOnly();

    public static ChatSession Host(User host, string room, string? robot, int maxPlayersAllowed, DateTimeOffset at, GameLengths? game = null)
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

        var session = new ChatSession(RoomName.Of(room), robot, host.Id, maxPlayersAllowed, at, game);
        session.Seat(host, at);
        return session;
    }

    /// <summary>
    /// Seats a person. A robot still awaited (<paramref name="awaitedRobot"/>) when the
    /// person takes the last place sits down with them, just before or just after, and
    /// only then does the session start: once it has started nobody could join it, so a
    /// robot arriving then would tell. It enters the room later, as a person's page
    /// connects a moment after they take their seat (<see cref="AnnounceRobot"/>).
    /// </summary>
    public void Join(User user, DateTimeOffset at, AwaitedRobot? awaitedRobot = null)
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

        if (awaitedRobot is null)
        {
            Seat(user, at);
            return;
        }

        // A millisecond apart, so the seats keep their order in `players`.
        var robotAt = awaitedRobot.SeatedAfter ? at.AddMilliseconds(1) : at.AddMilliseconds(-1);
        if (!awaitedRobot.SeatedAfter)
        {
            AddRobot(awaitedRobot.Robot, robotAt, awaitedRobot.Entering);
        }

        _members.Add(new SessionMember(user, at));
        Touch(new PlayerJoined(user.Username, IsRobot: false));
        if (awaitedRobot.SeatedAfter)
        {
            AddRobot(awaitedRobot.Robot, robotAt, awaitedRobot.Entering);
        }

        StartIfFull(at);
    }

    /// <summary>
    /// Seats the session's robot; it takes no human place. The room is not told it joined
    /// yet: a person's notice is posted when their page connects, a moment after they took
    /// their seat, and the robot's is posted <paramref name="entering"/> after its seat
    /// (<see cref="AnnounceRobot"/>), so neither its order nor its timing sets it apart.
    /// </summary>
    public void AddRobot(User robot, DateTimeOffset at, TimeSpan entering)
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

        _members.Add(new SessionMember(robot, at, at + (entering < TimeSpan.Zero ? TimeSpan.Zero : entering)));
        Touch(new PlayerJoined(robot.Username, IsRobot: true));
    }

    /// <summary>
    /// The robot enters the room when its moment, stored with its seat, has come: the room
    /// hears it joined (<see cref="PlayerArrived"/>), as it hears a person's first hub join.
    /// False when nothing is due (no robot seated, already announced, not yet its moment),
    /// so any node may run it, and running it twice is safe.
    /// </summary>
    public bool AnnounceRobot(DateTimeOffset now)
    {
        var robot = _members.FirstOrDefault(m => m.IsPresent && m.IsRobot && m.AnnouncedAt is null);
        if (robot is null || now < RobotEntersAt)
        {
            return false;
        }

        Announce(robot, now);
        return true;
    }

    /// <summary>
    /// Takes a player out. The host's place passes to one of the humans left, drawn by
    /// <paramref name="random"/>: the earliest seated would tell the robot apart, as
    /// whenever that human is not listed first in <c>players</c>, the robot is. When no
    /// human is left the session ends and its robot leaves with it. During a
    /// game's vote, a leaver takes their vote with them, and the vote ends at once when
    /// everyone still present has voted, as it does when the last vote is cast.
    /// </summary>
    public void Leave(int userId, DateTimeOffset at, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var member = _members.FirstOrDefault(m => m.IsPresent && m.UserId == userId)
            ?? throw new DomainException(Refusals.NotAPlayer(Room));

        member.Leave(at);
        Touch(new PlayerLeft(member.UserId, member.Username));

        if (member.IsRobot)
        {
            return;
        }

        if (Game?.Withdraw(userId) == true)
        {
            Touch(new VotesChanged());
        }

        // A game needs two humans to be a test at all: with fewer it is over at once. A
        // leaver who had not voted may leave every present player having voted.
        if (HumanPlayerCount == 0 || (Game is { IsRunning: true } && HumanPlayerCount < MinGamePlayers) || EveryoneHasVoted)
        {
            End(at);
            return;
        }

        if (HostId == userId)
        {
            var humans = Players.Where(m => !m.IsRobot).ToList();
            var next = humans[random.Next(humans.Count)];
            HostId = next.UserId;
            Touch(new HostChanged(next.UserId, next.Username));
        }
    }

    /// <summary>
    /// Carries out what the game has due at <paramref name="now"/>: the chat ends and the
    /// vote opens, or the vote ends and so does the session. False when nothing is due
    /// (another node did it first, or it is not time yet), so running it twice is safe.
    /// </summary>
    /// <param name="now">The instant it runs.</param>
    /// <param name="robotBallotDelay">How long into a vote that opens now the robot casts its ballot.</param>
    public bool AdvanceGame(DateTimeOffset now, TimeSpan robotBallotDelay)
    {
        if (Game is null || State != SessionState.Active || Game.EndsAt is not { } endsAt || now < endsAt)
        {
            return false;
        }

        switch (Game.Phase)
        {
            case GamePhase.Chat:
                Game.OpenVote(now, robotBallotDelay);
                Touch(new GamePhaseChanged(GamePhase.Vote));
                return true;
            case GamePhase.Vote:
                End(now);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// A present player names another present player as the robot, or changes their
    /// vote, while the vote is open. When every present player has voted, the game is
    /// over and the session ends.
    /// </summary>
    public void Vote(int voterId, string suspect, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(suspect);
        if (Game is null)
        {
            throw VoteRefusedException.For(VoteRefusal.NotAGame, Room);
        }

        // The players of a game that is over no longer hold seats; they are told it is over.
        var voter = _members.FirstOrDefault(m => m.IsPresent && m.UserId == voterId)
            ?? throw VoteRefusedException.For(
                Game.Phase == GamePhase.Over && _members.Any(m => m.UserId == voterId) ? VoteRefusal.NotVoting : VoteRefusal.NotAPlayer,
                Room);
        if (State != SessionState.Active || !Game.AcceptsVotesAt(at))
        {
            throw VoteRefusedException.For(VoteRefusal.NotVoting, Room);
        }

        var named = Username.Of(suspect.Trim());
        var suspected = _members.FirstOrDefault(m => m.IsPresent && Username.Of(m.Username).Key == named.Key)
            ?? throw VoteRefusedException.For(VoteRefusal.NoSuchSuspect, Room, suspect.Trim());
        if (suspected.UserId == voterId)
        {
            throw VoteRefusedException.For(VoteRefusal.Self, Room);
        }

        Game.Cast(voter.UserId, voter.Username, voter.IsRobot, suspected.UserId, suspected.Username, suspected.IsRobot, at);
        Touch(new VotesChanged());
        if (EveryoneHasVoted)
        {
            End(at);
        }
    }

    /// <summary>
    /// The vote is open and every present player, the robot included, has voted: it ends
    /// early, whether the last vote or the departure of the last player yet to vote did it.
    /// </summary>
    private bool EveryoneHasVoted => Game is { Phase: GamePhase.Vote } game && State == SessionState.Active && game.Votes.Count >= Players.Count();

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

        Announce(member, at);
    }

    private void Announce(SessionMember member, DateTimeOffset at)
    {
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
        StartIfFull(at);
    }

    private void StartIfFull(DateTimeOffset at)
    {
        if (HumanPlayerCount >= MaxPlayersAllowed)
        {
            State = SessionState.Active;
            Touch(new SessionStarted());
            if (Game is not null)
            {
                Game.StartChat(at);
                Touch(new GamePhaseChanged(GamePhase.Chat));
            }
        }
    }

    /// <summary>
    /// Ends the session: a game still on is over with the votes cast so far, the robot
    /// leaves, and every seat is freed, so its players can go on to another session.
    /// </summary>
    private void End(DateTimeOffset at)
    {
        if (Game is { Phase: not GamePhase.Over } game)
        {
            var started = game.StartedAt is not null;

            // Null when the game ended before its robot sat down: there is no one to reveal.
            var robot = _members.Where(m => m.IsRobot).OrderByDescending(m => m.JoinedAt).Select(m => m.Username).FirstOrDefault();
            game.Finish(robot, Players.Count());

            // A game that never started ends with its session, as quietly as a v1 session does.
            if (started)
            {
                Touch(new GamePhaseChanged(GamePhase.Over));
                if (robot is not null)
                {
                    Touch(new RobotRevealed(robot));
                }
            }
        }

        foreach (var robot in _members.Where(m => m.IsPresent && m.IsRobot))
        {
            robot.Leave(at);
            Touch(new PlayerLeft(robot.UserId, robot.Username));
        }

        foreach (var human in _members.Where(m => m.IsPresent && !m.IsRobot))
        {
            human.Leave(at);
            Touch(new SeatFreed(human.UserId));
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
