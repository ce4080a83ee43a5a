using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Chat.Infrastructure.Persistence.Providers;

/// <summary>
/// What every SQLite connection is told when it first opens, in one statement.
/// </summary>
/// <remarks>
/// <para>
/// <b>Busy timeout.</b> SQLite itself waits for a lock held by another writer (the
/// message log, a presence heartbeat, another process). Without a busy timeout SQLite
/// answers "busy" at once and Microsoft.Data.Sqlite retries after a fixed 150 ms sleep
/// (<c>Thread.Sleep(150)</c> in its <c>SqliteCommand</c>), which turns a lock held for
/// a millisecond into a 150 ms stall; SQLite's own handler retries within a millisecond
/// or two. How long to wait is <c>Database:BusyTimeout</c>; past it the command fails,
/// and the caller is told the service is unavailable (503), never left hanging.
/// </para>
/// <para>
/// <b>Checkpoints.</b> The connection whose commit takes the write-ahead log past
/// <see cref="WalAutoCheckpointPages"/> pages copies the log back into the database
/// file before its commit returns. A batch of messages changes a page in each of
/// several indexes per room, so at SQLite's default (1,000 pages, 4 MB) the message
/// writer checkpointed every dozen commits and rewrote the same hot pages each time.
/// Ten times the log means a tenth of the checkpoints, each copying a page once however
/// often it changed meanwhile (ADR-004). The log file grows to about 40 MB and is then
/// reused from its start.
/// </para>
/// </remarks>
internal sealed class SqliteConnectionSettings(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    public const string BusyTimeoutSetting = "Database:BusyTimeout";

    /// <summary>30 s, as long as a command may run by default, so only a real deadlock fails.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Pages of write-ahead log after which a commit checkpoints: 10,000 pages of 4 KB.</summary>
    public const int WalAutoCheckpointPages = 10_000;

    private readonly string _pragmas = string.Create(
        CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout = {(long)Math.Clamp(busyTimeout.TotalMilliseconds, 0, int.MaxValue)}; PRAGMA wal_autocheckpoint = {WalAutoCheckpointPages};");

    /// <summary>
    /// The native connections already told. Microsoft.Data.Sqlite pools them, and EF opens
    /// and closes a pooled one for each query; the settings live as long as the native
    /// connection, so each is told once, not on every open. An entry goes with its handle.
    /// </summary>
    private readonly ConditionalWeakTable<sqlite3, object> _told = [];

    private static readonly object Yes = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
            Told(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Told(connection);
        }
    }

    private bool IsNew(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection is not SqliteConnection { Handle: { } handle } || !_told.TryGetValue(handle, out _);
    }

    private void Told(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _told.AddOrUpdate(handle, Yes);
        }
    }
}
