using System.Buffers;
using System.Globalization;
using System.Text;
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
    // Text up to this many bytes is encoded on the stack; longer text in a rented array.
    private const int StackBytes = 1024;

    // Where the parts of a DateTimeOffset's round-trip text are.
    private const int RoundTripLength = 33;
    private const int DateEnd = 10;
    private const int FractionStart = 20;
    private const int FractionDigits = 7;

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
    /// <remarks>
    /// Handed over as UTF-8, the text the database keeps: SQLite copies it as it is,
    /// where UTF-16 would go through SQLite's own character-by-character translation
    /// (ADR-004). The text was checked before it got here (no lone surrogates), so the
    /// two encodings say the same. An empty span binds empty text, not NULL.
    /// </remarks>
    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, index));
            return;
        }

        var longest = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var buffer = longest <= StackBytes ? stackalloc byte[longest] : (rented = ArrayPool<byte>.Shared.Rent(longest));
        try
        {
            var written = Encoding.UTF8.GetBytes(value, buffer);
            Check(raw.sqlite3_bind_text(_statement, index, buffer[..written]));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Binds the text <see cref="SqliteCommand"/> writes for a <see cref="DateTimeOffset"/>
    /// (<c>yyyy-MM-dd HH:mm:ss.FFFFFFFzzz</c>), and EF reads back. It is made from the
    /// round-trip format, which .NET writes without interpreting a pattern: the date and
    /// time parted by a space, the fraction's trailing zeros dropped, and its point too
    /// when no digit is left.
    /// </summary>
    public void Bind(int index, DateTimeOffset value)
    {
        // "O" is yyyy-MM-ddTHH:mm:ss.fffffff+hh:mm, always 33 bytes.
        Span<byte> text = stackalloc byte[RoundTripLength];
        if (!value.TryFormat(text, out var written, "O", CultureInfo.InvariantCulture) || written != RoundTripLength)
        {
            throw new InvalidOperationException($"{value:O} is not in the round-trip shape this expects.");
        }

        text[DateEnd] = (byte)' ';
        var kept = text.Slice(FractionStart, FractionDigits).LastIndexOfAnyExcept((byte)'0') + 1;
        var end = kept == 0 ? FractionStart - 1 : FractionStart + kept;
        var offset = text[(FractionStart + FractionDigits)..];
        offset.CopyTo(text[end..]);
        Check(raw.sqlite3_bind_text(_statement, index, text[..(end + offset.Length)]));
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

    /// <summary>
    /// Runs the statement to its first row: true when there is one, whose columns
    /// <see cref="Int64"/> and <see cref="Text"/> then read, until <see cref="Reset"/>;
    /// false when the statement returned no row. Reset it in either case before it
    /// runs again.
    /// </summary>
    public bool ReadFirst()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc != raw.SQLITE_DONE)
        {
            raw.sqlite3_reset(_statement);
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        return false;
    }

    /// <summary>The current row's integer in <paramref name="column"/> (from 0).</summary>
    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>The current row's text in <paramref name="column"/> (from 0), or null for NULL.</summary>
    public string? Text(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    /// <summary>Ends the run <see cref="ReadFirst"/> began; the bound values stay for the next.</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public void Dispose() => _statement.Dispose();
}
