namespace Chat.Domain.Games;

/// <summary>
/// "Who is the robot?": part of the <see cref="Sessions.ChatSession"/> aggregate, which
/// decides when it moves on (its players are the session's) and whose concurrency token
/// covers it, so a phase changes once and no vote is lost to a racing save. Every timed
/// step is a due time stored here (<see cref="NextDueAt"/>), carried out by whichever
/// node sweeps first.
/// </summary>
public sealed class Game
{
    private readonly List<Vote> _votes = [];

    private Game()
    {
    }

    internal Game(GameLengths lengths)
    {
        ChatLength = lengths.Chat;
        VoteLength = lengths.Vote;
        Phase = GamePhase.Waiting;
    }

    public GamePhase Phase { get; private set; }

    public TimeSpan ChatLength { get; private set; }

    public TimeSpan VoteLength { get; private set; }

    /// <summary>When the chat began; null for a game whose session ended before it started.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>When the current phase ends; null while waiting and once over.</summary>
    public DateTimeOffset? EndsAt { get; private set; }

    /// <summary>When the robot casts its ballot during the vote, if it has not yet.</summary>
    public DateTimeOffset? RobotVotesAt { get; private set; }

    /// <summary>The robot's name, known to the game's result once it is over; null when no robot ever sat down.</summary>
    public string? Robot { get; private set; }

    public bool RobotCaught { get; private set; }

    /// <summary>How many players could vote when the game ended (the session's seats are freed then).</summary>
    public int VotersAtEnd { get; private set; }

    public IReadOnlyCollection<Vote> Votes => _votes.AsReadOnly();

    public bool IsRunning => Phase is GamePhase.Chat or GamePhase.Vote;

    /// <summary>The earliest moment something is due: the phase's end, or the robot's ballot.</summary>
    public DateTimeOffset? NextDueAt => Phase switch
    {
        GamePhase.Chat => EndsAt,
        GamePhase.Vote when RobotVotesAt is { } ballot && ballot < EndsAt => ballot,
        GamePhase.Vote => EndsAt,
        _ => null,
    };

    /// <summary>
    /// The outcome, once over; null before, and null for a game that ended before its
    /// robot sat down: no robot took part, so there is no one to name. (An empty name,
    /// which such a game once stored, is no name either.)
    /// </summary>
    public GameResult? Result => Phase == GamePhase.Over && !string.IsNullOrEmpty(Robot) ? GameResult.Of(Robot, RobotCaught, _votes) : null;

    /// <summary>Whether the robot's ballot is due: voting, not yet cast, its moment come.</summary>
    public bool RobotBallotDue(DateTimeOffset now) =>
        Phase == GamePhase.Vote && RobotVotesAt is { } at && now >= at && !_votes.Any(v => v.ByRobot);

    internal void StartChat(DateTimeOffset at)
    {
        Phase = GamePhase.Chat;
        StartedAt = at;
        EndsAt = at + ChatLength;
    }

    internal void OpenVote(DateTimeOffset at, TimeSpan robotBallotDelay)
    {
        Phase = GamePhase.Vote;
        EndsAt = at + VoteLength;

        // Never at the very end: a ballot cast after the vote closed would be lost.
        var delay = robotBallotDelay < TimeSpan.Zero ? TimeSpan.Zero : robotBallotDelay;
        RobotVotesAt = at + (delay < VoteLength ? delay : VoteLength / 2);
    }

    internal bool AcceptsVotesAt(DateTimeOffset at) => Phase == GamePhase.Vote && at < EndsAt;

    internal void Cast(int voterId, string voter, bool byRobot, int suspectId, string suspect, bool namesRobot, DateTimeOffset at)
    {
        var current = _votes.FirstOrDefault(v => v.VoterId == voterId);
        if (current is null)
        {
            _votes.Add(new Vote(voterId, voter, byRobot, suspectId, suspect, namesRobot, at));
        }
        else
        {
            current.Name(suspectId, suspect, namesRobot, at);
        }

        if (byRobot)
        {
            RobotVotesAt = null;
        }
    }

    /// <summary>A player who leaves takes their vote with them: only present players vote.</summary>
    internal bool Withdraw(int voterId) => _votes.RemoveAll(v => v.VoterId == voterId) > 0;

    internal void Finish(string? robot, int voters)
    {
        VotersAtEnd = voters;
        Phase = GamePhase.Over;
        EndsAt = null;
        RobotVotesAt = null;
        Robot = robot;
        RobotCaught = GameResult.Caught(_votes);
    }
}
