namespace Chat.Bench.Detect;

/// <summary>
/// How long a person takes in a chat, in the seconds of a real conversation, shrunk
/// by <paramref name="scale"/>: the same factor by which the bench shortens the
/// robot's pace (its <c>Robot:ReplyDelay</c> against the service's default), so that
/// players and robot are compared on one clock. The figures are ordinary ones for
/// people chatting, not fitted to the robot: reading at about 25 characters a second,
/// typing at 3 to 6 (a person's own speed, then varied per line), a moment's thought
/// before answering.
/// </summary>
internal sealed class HumanTiming(double scale, Random random)
{
    /// <summary>The service's default <c>Robot:ReplyDelay</c>, the pace its robot keeps against people.</summary>
    public static readonly TimeSpan ServiceReplyDelay = TimeSpan.FromSeconds(1.5);

    private const double ReadingCharactersPerSecond = 25;

    /// <summary>This person's typing speed, characters a second: slow and fast typists alike.</summary>
    private readonly double _typingSpeed = 3 + (3 * random.NextDouble());

    public static double ScaleFor(TimeSpan robotReplyDelay) => robotReplyDelay / ServiceReplyDelay;

    /// <summary>Glancing at a line of <paramref name="length"/> characters.</summary>
    public TimeSpan Reading(int length) => Scaled((0.4 + (length / ReadingCharactersPerSecond)) * Between(0.7, 1.3));

    /// <summary>Deciding what to say.</summary>
    public TimeSpan Thinking() => Scaled(Between(0.5, 3));

    public TimeSpan Typing(int length) => Scaled(length / _typingSpeed * Between(0.8, 1.3));

    /// <summary>How long a lull lasts before this person starts something new.</summary>
    public TimeSpan Lull() => Scaled(Between(4, 12));

    /// <summary>How long after the host opened the room a player finds it in the lobby and joins.</summary>
    public TimeSpan Arrival() => Scaled(Between(2, 20));

    /// <summary>How long a player looks back over the chat before voting.</summary>
    public TimeSpan BeforeVoting() => Scaled(Between(2, 10));

    public TimeSpan Scaled(double seconds) => TimeSpan.FromSeconds(seconds * scale);

    private double Between(double least, double most) => least + ((most - least) * random.NextDouble());
}
