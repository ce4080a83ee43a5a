using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Chat.Infrastructure.Persistence.Providers;

/// <summary>
/// A statement prepared once on a SQLite connection's own handle, whose values are
/// bound in place by position and kept between executions. For a statement run many
/// thousand times a second: <see cref="SqliteCommand"/> binds every parameter anew
/// on each execution (an object for each, its name encoded and looked up again),
/// which cost the message writer more than the statement itself (ADR-004).
/// </summary>
/// <remarks>
/// Values are bound as <see cref="SqliteCommand"/> binds them (integers as integers,
/// text as text, a <see cref="DateTimeOffset"/> as the same text), so rows written
/// either way read and compare alike. It runs in whatever transaction its connection
/// is in. Not thread-safe: one thread uses it, as one thread uses its connection.
/// </remarks>
internal sealed class NativeSqliteStatement : IDisposable
{
    /// <summary>The text <see cref="SqliteCommand"/> writes for a <see cref="DateTimeOffset"/>, and EF reads back.</summary>
    private const string DateTimeOffsetFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz";

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    private NativeSqliteStatement(sqlite3 db, sqlite3_stmt statement)
    {
        _db = db;
        _statement = statement;
    }

    /// <summary>Prepares <paramref name="sql"/> (one statement) on the open <paramref name="connection"/>.</summary>
    public static NativeSqliteStatement Prepare(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v3(db, sql, raw.SQLITE_PREPARE_PERSISTENT, out var statement, out var rest);
        if (rc != raw.SQLITE_OK)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        if (statement is null)
        {
            throw new ArgumentException("The text holds no statement.", nameof(sql));
        }

        if (!string.IsNullOrWhiteSpace(rest))
        {
            statement.Dispose();
            throw new ArgumentException("Only one statement can be prepared at a time.", nameof(sql));
        }

        return new NativeSqliteStatement(db, statement);
    }

    /// <summary>The position of the parameter named <paramref name="name"/> (with its prefix, as in the statement).</summary>
    public int Parameter(string name)
    {
        var index = raw.sqlite3_bind_parameter_index(_statement, name);
        return index > 0 ? index : throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));
    }

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    /// <summary>Binds text, or NULL for null.</summary>
    /// <remarks>SQLite copies the text. An empty span has no address, which SQLite would take for NULL, so "" goes the other way.</remarks>
    public void Bind(int index, string? value) =>
        Check(value switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            "" => raw.sqlite3_bind_text(_statement, index, string.Empty),
            _ => raw.sqlite3_bind_text16(_statement, index, value.AsSpan()),
        });

    public void Bind(int index, DateTimeOffset value)
    {
        Span<char> text = stackalloc char[40];
        if (!value.TryFormat(text, out var written, DateTimeOffsetFormat, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"{value:O} does not fit the buffer for its text.");
        }

        Check(raw.sqlite3_bind_text16(_statement, index, text[..written]));
    }

    /// <summary>The row id of the connection's last successful insert.</summary>
    public long LastInsertedRowId => raw.sqlite3_last_insert_rowid(_db);

    /// <summary>Runs the statement to its end and answers how many rows it changed.</summary>
    public int Execute()
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            while (rc == raw.SQLITE_ROW)
            {
                rc = raw.sqlite3_step(_statement);
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }

            return raw.sqlite3_changes(_db);
        }
        finally
        {
            // Bindings outlive a reset: values set once stay for the next execution.
            raw.sqlite3_reset(_statement);
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public void Dispose() => _statement.Dispose();
}
