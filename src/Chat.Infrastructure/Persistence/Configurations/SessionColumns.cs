namespace Chat.Infrastructure.Persistence.Configurations;

/// <summary>Columns of the Sessions table that belong to storage, not to the aggregate.</summary>
internal static class SessionColumns
{
    /// <summary>The counter that gives each stored message its seq.</summary>
    public const string LastSeq = "LastSeq";
}
