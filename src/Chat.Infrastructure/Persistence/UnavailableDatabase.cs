using System.Data.Common;
using Chat.Application.Common.Exceptions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Persistence;

/// <summary>
/// Recognises "the database cannot be used right now" in each provider's words: a
/// failure that says nothing about the request, only that the same request may
/// succeed shortly (<see cref="ServiceUnavailableException"/>). A refused row (a unique
/// index, a foreign key) is not one of them.
/// </summary>
internal static class UnavailableDatabase
{
    // SQLite primary result codes (https://sqlite.org/rescode.html).
    private const int SqlitePerm = 3;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteNoMem = 7;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoErr = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteProtocol = 15;

    /// <summary>Whether <paramref name="exception"/>, or what it wraps, means the database is unavailable.</summary>
    public static bool Is(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 4; depth++, exception = exception.InnerException)
        {
            switch (exception)
            {
                case ServiceUnavailableException:
                case TimeoutException:
                    return true;
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode is SqlitePerm or SqliteBusy or SqliteLocked or SqliteNoMem
                        or SqliteReadOnly or SqliteIoErr or SqliteFull or SqliteCantOpen or SqliteProtocol;
                case DbException db:
                    // A serialization failure or a deadlock (class 40) is a lost race, which the
                    // use cases' own conflict handling answers, not an unavailable database.
                    return !(db.SqlState?.StartsWith("40", StringComparison.Ordinal) ?? false)
                        && (db.IsTransient || IsUnavailableState(db.SqlState));
                case DbUpdateException:
                    continue;
                case InvalidOperationException:
                    // EF and the providers wrap a failed connection ("An exception has been raised
                    // that is likely due to a transient failure") in one of these.
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>The exception to throw instead of <paramref name="exception"/>: the one type the edges answer.</summary>
    public static ServiceUnavailableException Translate(Exception exception, string? message = null) =>
        exception as ServiceUnavailableException
        ?? new ServiceUnavailableException(message ?? ServiceUnavailableException.DefaultMessage, exception);

    /// <summary>
    /// SQLSTATE classes of PostgreSQL (and the standard) that mean the server, not the
    /// request: 08 connection exception, 53 insufficient resources (disk full), 57P
    /// operator intervention (shutting down), 25006 read-only transaction.
    /// </summary>
    private static bool IsUnavailableState(string? state) =>
        state is not null
        && (state.StartsWith("08", StringComparison.Ordinal)
            || state.StartsWith("53", StringComparison.Ordinal)
            || state.StartsWith("57P", StringComparison.Ordinal)
            || state == "25006");
}
