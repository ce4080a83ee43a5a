namespace Chat.Application.Presence;

/// <summary>The <c>Chat</c> configuration section's presence settings.</summary>
public sealed class PresenceOptions
{
    public const string Section = "Chat";

    /// <summary>How long a player whose connections all closed keeps their place.</summary>
    public TimeSpan DisconnectGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often each process looks for lapsed players and refreshes its connections.</summary>
    public TimeSpan PresenceSweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A connection not refreshed for this long belongs to a process presumed gone.</summary>
    public TimeSpan ConnectionStaleAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the record of a finished connection is kept, for users not seated in a session.</summary>
    public TimeSpan ConnectionRetention { get; set; } = TimeSpan.FromDays(1);
}
