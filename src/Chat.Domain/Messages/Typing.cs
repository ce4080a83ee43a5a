namespace Chat.Domain.Messages;

/// <summary>
/// "Someone is typing": a passing signal, never stored. A room hears it at most
/// once a second from each player, people and robot alike, so how often it comes
/// tells nobody anything.
/// </summary>
public static class Typing
{
    /// <summary>The least time between two signals of one player that the room hears.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    /// <summary>Whether a signal sent <paramref name="now"/> is relayed, given when the player's last one was.</summary>
    public static bool IsDue(DateTimeOffset? lastRelayed, DateTimeOffset now) =>
        lastRelayed is not { } last || now - last >= MinInterval || now < last;
}
