namespace Chat.Infrastructure.Robots;

/// <summary>The <c>Robot</c> configuration section: which models a host may pick and how they are paced.</summary>
public sealed class RobotOptions
{
    public const string SectionName = "Robot";

    /// <summary>A human-like pause before the robot answers, so it does not give itself away by speed.</summary>
    public TimeSpan ReplyDelay { get; set; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>How long one reply may take, streaming included; past it the robot stays silent for that turn.</summary>
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The models on offer, keyed by the name a host picks (stored on the session,
    /// so at most <see cref="Domain.Sessions.ChatSession.MaxRobotLength"/> characters).
    /// </summary>
    public IDictionary<string, RobotModelOptions> Models { get; } = new Dictionary<string, RobotModelOptions>(StringComparer.Ordinal);
}
