using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Chat.Application.Common.Telemetry;

/// <summary>
/// The service's own meter and activity source, both named <see cref="Name"/>, and every
/// instrument on them, defined once. They are static so the hot send path pays for a
/// field read and, when nobody listens, nothing more; tags are prebuilt pairs, so adding
/// a measurement allocates nothing. The host decides whether anything is exported.
/// </summary>
public static class ChatTelemetry
{
    public const string Name = "Chat";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>New messages stored by the group-commit writer (resends answered with the first copy are not counted).</summary>
    public static readonly Counter<long> MessagesStored = Meter.CreateCounter<long>(
        "chat.messages.stored", "{message}", "Chat messages stored");

    /// <summary>Messages refused, tagged with <c>reason</c> (<see cref="RefusalReasons"/>).</summary>
    public static readonly Counter<long> MessagesRefused = Meter.CreateCounter<long>(
        "chat.messages.refused", "{message}", "Chat messages not stored, by reason");

    /// <summary>Events sent to a room's group (one per event, however many connections hear it).</summary>
    public static readonly Counter<long> BroadcastDeliveries = Meter.CreateCounter<long>(
        "chat.broadcasts", "{event}", "Room events sent to a room's group");

    public static readonly UpDownCounter<long> OpenConnections = Meter.CreateUpDownCounter<long>(
        "chat.hub.connections", "{connection}", "Hub connections open on this process");

    public static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "chat.messages.batch_size", "{message}", "Drafts written by one group commit",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });

    public static readonly Histogram<double> CommitTime = Meter.CreateHistogram<double>(
        "chat.messages.commit_time", "ms", "Time to write and commit one batch of messages",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 5000] });

    public static readonly Counter<long> RobotReplies = Meter.CreateCounter<long>(
        "chat.robot.replies", "{reply}", "Replies a robot's model gave");

    public static readonly Counter<long> RobotFailures = Meter.CreateCounter<long>(
        "chat.robot.failures", "{failure}", "Robot turns that failed or timed out and stayed silent");

    /// <summary>Game phases entered, tagged with <c>phase</c>: call <see cref="GamePhaseEntered"/>.</summary>
    public static readonly Counter<long> GamePhases = Meter.CreateCounter<long>(
        "chat.game.phases", "{phase}", "Game phases entered, by phase");

    /// <summary>The names of the activities this source starts.</summary>
    public static class Activities
    {
        public const string SendMessage = "chat.message.send";
        public const string CommitBatch = "chat.messages.commit";
        public const string Broadcast = "chat.message.broadcast";
    }

    /// <summary>The values of <c>chat.messages.refused</c>'s <c>reason</c> tag, prebuilt.</summary>
    public static class RefusalReasons
    {
        public static readonly KeyValuePair<string, object?> NotAPlayer = Reason("not_a_player");
        public static readonly KeyValuePair<string, object?> SessionEnded = Reason("session_ended");
        public static readonly KeyValuePair<string, object?> NoSuchRoom = Reason("no_such_room");
        public static readonly KeyValuePair<string, object?> RateLimited = Reason("rate_limited");
        public static readonly KeyValuePair<string, object?> Unavailable = Reason("unavailable");

        /// <summary>A batch failed for a reason other than an unavailable database (a fault of ours).</summary>
        public static readonly KeyValuePair<string, object?> Failed = Reason("failed");

        private static KeyValuePair<string, object?> Reason(string value) => new("reason", value);
    }

    /// <summary>For the game: one call per phase entered (<c>chat</c>, <c>vote</c>, <c>over</c>).</summary>
    public static void GamePhaseEntered(string phase) => GamePhases.Add(1, new KeyValuePair<string, object?>("phase", phase));
}
