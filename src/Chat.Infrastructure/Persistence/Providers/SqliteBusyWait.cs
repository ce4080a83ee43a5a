using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chat.Infrastructure.Persistence.Providers;

/// <summary>
/// Lets SQLite itself wait for a lock held by another writer (the message log, a
/// presence heartbeat, another process). Without a busy timeout SQLite answers
/// "busy" at once and Microsoft.Data.Sqlite retries after a fixed 150 ms sleep
/// (<c>Thread.Sleep(150)</c> in its <c>SqliteCommand</c>), which turns a lock held
/// for a millisecond into a 150 ms stall; SQLite's own handler retries within a
/// millisecond or two.
/// </summary>
/// <remarks>
/// How long to wait is <c>Database:BusyTimeout</c>; past it the command fails, and the
/// caller is told the service is unavailable (503), never left hanging.
/// </remarks>
internal sealed class SqliteBusyWait(TimeSpan timeout) : DbConnectionInterceptor
{
    public const string Setting = "Database:BusyTimeout";

    /// <summary>30 s, as long as a command may run by default, so only a real deadlock fails.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly string _pragma = string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout = {(long)Math.Clamp(timeout.TotalMilliseconds, 0, int.MaxValue)};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
