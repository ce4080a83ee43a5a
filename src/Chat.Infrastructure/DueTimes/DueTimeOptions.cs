namespace Chat.Infrastructure.DueTimes;

/// <summary>The <c>DueTimes</c> configuration section.</summary>
public sealed class DueTimeOptions
{
    public const string Section = "DueTimes";

    /// <summary>How often each node looks for due work; a due time is carried out at most this late.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
