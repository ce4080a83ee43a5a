using System.Data.Common;
using Npgsql;

namespace Chat.Infrastructure.Persistence.Providers;

/// <summary>
/// Two Npgsql settings the service turns on for PostgreSQL unless the connection string
/// sets them itself (any value given there wins).
/// </summary>
/// <remarks>
/// <para>
/// <b><c>Max Auto Prepare</c></b> (Npgsql: 0, off). The service sends the same few
/// statements over and over (the lobby listings' version, a seat check, a user by
/// name); after a few uses on a connection Npgsql prepares each, so PostgreSQL stops
/// parsing and planning it every time. <see cref="MaxAutoPrepare"/> statements per
/// connection are kept, the least recently used recycled.
/// </para>
/// <para>
/// <b><c>No Reset On Close</c></b> (Npgsql: false). Npgsql otherwise resets a pooled
/// connection's session state (settings, temporary tables, locks) on its next use: a
/// statement of its own before each. The service sets no session state, so there is
/// nothing to reset.
/// </para>
/// <para>
/// Measured with the bench's REST mode on PostgreSQL, the two together took the lobby
/// reads from about 7,200 to 8,500 requests a second; either alone moved them within
/// the noise (ADR-004). A pooler in transaction mode that cannot carry prepared
/// statements (PgBouncer before 1.21) needs <c>Max Auto Prepare=0</c> in the
/// connection string.
/// </para>
/// </remarks>
internal static class PostgreSqlConnectionDefaults
{
    public const int MaxAutoPrepare = 32;

    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(given, "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!Sets(given, "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>Whether the string names the setting, in any of the spellings Npgsql reads (case and spaces ignored).</summary>
    private static bool Sets(DbConnectionStringBuilder given, string setting) =>
        given.Keys.Cast<string>().Any(key => string.Equals(key.Replace(" ", "", StringComparison.Ordinal), setting, StringComparison.OrdinalIgnoreCase));
}
