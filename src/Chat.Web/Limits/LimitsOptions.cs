namespace Chat.Web.Limits;

/// <summary>
/// The <c>Limits</c> section: how much one client address or one user may ask for.
/// Each value <c>0</c> switches its limit off.
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary><c>POST /api/register</c> per client address, per minute.</summary>
    public int RegistrationsPerMinute { get; set; } = 20;

    /// <summary><c>POST /api/lobby</c> per signed-in user, per minute.</summary>
    public int LobbyActionsPerMinute { get; set; } = 60;

    /// <summary>Hub <c>message</c> calls per user, per second, across all of the user's connections.</summary>
    public int MessagesPerSecond { get; set; } = 5;

    /// <summary>How many hub <c>message</c> calls a user who has been quiet may send at once.</summary>
    public int MessageBurst { get; set; } = 10;

    internal bool IsValid => RegistrationsPerMinute >= 0 && LobbyActionsPerMinute >= 0 && MessagesPerSecond >= 0 && MessageBurst >= 0;
}
