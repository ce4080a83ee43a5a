namespace Chat.Domain.Robots;

/// <summary>
/// How long a robot takes over a reply, so that its timing reads like a person's:
/// it reads the line it answers (longer for a longer line), then types its reply
/// (longer for a longer reply, at a brisk person's speed), each with the variation
/// a person has; and in company it lets about half the remarks go by, as one of
/// several people does. Everything is a multiple of the typical pause
/// (<c>Robot:ReplyDelay</c>), so a shorter setting makes the whole robot quicker
/// in proportion: a reply never takes more than <see cref="MaxTotalPauses"/> typical
/// pauses, plus the model's own time. Pure: the random source is given, and the
/// caller owns the clock.
/// </summary>
public sealed class HumanPace
{
    /// <summary>The reading pause varies from this share of the typical pause...</summary>
    public const double ReadingLeast = 0.6;

    /// <summary>...to this share, before the length of the line heard is added.</summary>
    public const double ReadingMost = 1.4;

    /// <summary>A line this long or longer adds <see cref="LongLineReading"/> typical pauses of reading.</summary>
    public const int LongLine = 200;

    public const double LongLineReading = 0.5;

    /// <summary>Characters typed in one typical pause: at the default 1.5 s, about 7 a second.</summary>
    public const int CharactersPerPause = 10;

    /// <summary>However long the reply, typing it takes at most this many typical pauses (before variation)...</summary>
    public const double MaxTypingPauses = 3.5;

    /// <summary>...and at least this many, for "ok".</summary>
    public const double MinTypingPauses = 0.3;

    /// <summary>Typing varies from this share of its length...</summary>
    public const double TypingLeast = 0.8;

    /// <summary>...to this share.</summary>
    public const double TypingMost = 1.25;

    /// <summary>
    /// How often a robot lets a remark go by in company. One of several people answers
    /// a remark about half the time; a robot that answered nearly every line (as it did
    /// at a quarter, and only when the last two lines were two others') wrote the most
    /// lines in every game of the detectability check, which gave it away.
    /// </summary>
    public const double QuietChance = 0.5;

    /// <summary>The lines looked back over to tell company (two or more others speaking) from a talk with one person.</summary>
    public const int CompanyWindow = 6;

    /// <summary>A robot sits down between this many typical pauses after a person entered its room...</summary>
    public const double ArrivalLeast = 1;

    /// <summary>
    /// ...and this many: at the default pause, 1.5 to 22.5 seconds, the span in which
    /// people find a room in the lobby and join it. Drawn from 1 to 5 pauses, the robot
    /// sat down before the others had found the room in four games of five of the
    /// detectability check, so "the first to join after the host" named it.
    /// </summary>
    public const double ArrivalMost = 15;

    /// <summary>A robot enters the room between this many typical pauses after it sat down...</summary>
    public const double EnteringLeast = 0.05;

    /// <summary>
    /// ...and this many: at the default pause, 75 to 600 ms, the time a person's page
    /// takes to connect and join the room after they took their seat. Its join notice
    /// posted with its seat came before the <c>session_updated</c> that seated it, in
    /// the same millisecond, which no person's did; much later, it would come last
    /// whenever it sat down with the person who took the last place.
    /// </summary>
    public const double EnteringMost = 0.4;

    /// <summary>The bound on reading plus typing, in typical pauses.</summary>
    public const double MaxTotalPauses = ReadingMost + LongLineReading + (MaxTypingPauses * TypingMost);

    private readonly Random? _random;

    private HumanPace(TimeSpan typicalPause, Random? random)
    {
        if (typicalPause < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(typicalPause), "The typical pause must not be negative.");
        }

        TypicalPause = typicalPause;
        _random = random;
    }

    /// <summary>The typical reading pause, the scale of every other time here.</summary>
    public TimeSpan TypicalPause { get; }

    /// <summary>A person's pace around <paramref name="typicalPause"/>, varied by <paramref name="random"/>.</summary>
    public static HumanPace Of(TimeSpan typicalPause, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return new HumanPace(typicalPause, random);
    }

    /// <summary>
    /// A machine's pace, for tests of what drives the policy: reading takes exactly the
    /// typical pause, typing takes no time, and no line goes by unanswered.
    /// </summary>
    public static HumanPace Steady(TimeSpan typicalPause) => new(typicalPause, random: null);

    /// <summary>
    /// How long after a person entered its room the robot takes its seat: a
    /// moment drawn anew for each game, so its join notice comes after the host's
    /// and its place among the players (in the order they joined) is not the same
    /// from game to game.
    /// </summary>
    public TimeSpan Arrival() => _random is null ? TypicalPause : TypicalPause * Between(ArrivalLeast, ArrivalMost);

    /// <summary>
    /// How long after taking its seat the robot enters the room (its join notice): drawn
    /// anew each game, as a person's page takes its own time to connect after they join.
    /// </summary>
    public TimeSpan Entering() => _random is null ? TypicalPause : TypicalPause * Between(EnteringLeast, EnteringMost);

    /// <summary>The pause before the robot starts on its answer to a line of <paramref name="heardLength"/> characters.</summary>
    public TimeSpan Reading(int heardLength)
    {
        if (_random is null)
        {
            return TypicalPause;
        }

        var share = Between(ReadingLeast, ReadingMost)
            + (LongLineReading * Math.Clamp(heardLength, 0, LongLine) / LongLine);
        return TypicalPause * share;
    }

    /// <summary>How long typing a reply of <paramref name="replyLength"/> characters takes.</summary>
    public TimeSpan Typing(int replyLength)
    {
        if (_random is null)
        {
            return TimeSpan.Zero;
        }

        var pauses = Math.Clamp((double)Math.Max(replyLength, 0) / CharactersPerPause, MinTypingPauses, MaxTypingPauses);
        return TypicalPause * (pauses * Between(TypingLeast, TypingMost));
    }

    /// <summary>
    /// Whether the robot lets the last line go by. Only in company (two or more others
    /// among the last <see cref="CompanyWindow"/> lines) and only a remark: a line that
    /// asks something or names the robot is always answered, and so is everything a
    /// person says when talking to it alone. A remark right after the robot's own line
    /// counts as a remark too: in a group, it is as often said to the room as to it.
    /// </summary>
    public bool LetsGoBy(IReadOnlyList<(string Speaker, string Text)> recent, string robot)
    {
        ArgumentNullException.ThrowIfNull(recent);
        ArgumentNullException.ThrowIfNull(robot);
        if (_random is null || recent.Count < 2)
        {
            return false;
        }

        var (lastSpeaker, lastText) = recent[^1];
        var othersTalking = recent.TakeLast(CompanyWindow)
            .Select(line => line.Speaker)
            .Where(speaker => !Same(speaker, robot))
            .Distinct(StringComparer.Ordinal)
            .Count();
        var asksOrNames = lastText.Contains('?', StringComparison.Ordinal)
            || lastText.Contains(robot, StringComparison.OrdinalIgnoreCase);
        return !Same(lastSpeaker, robot) && othersTalking >= 2 && !asksOrNames && _random.NextDouble() < QuietChance;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);

    private double Between(double least, double most) => least + ((most - least) * _random!.NextDouble());
}
