using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Chat.Infrastructure.Persistence.Providers;
using Microsoft.Data.Sqlite;

namespace Chat.Infrastructure.Messaging;

/// <summary>
/// SQLite's two statements around the count the writer keeps of a room's seqs
/// (<see cref="MessageStatements.LiveSessionSql"/> and <see cref="MessageStatements.SetCounterSql"/>):
/// a batch reads each of its rooms' live session once and writes its last seq back
/// once. With a few messages a batch, as at a steady rate, that is two statements a
/// message, so they are prepared once on the writer's connection and bound in place
/// like <see cref="SqliteCountedPost"/> (ADR-004).
/// </summary>
internal sealed class SqliteSeqCounters : IDisposable
{
    private readonly NativeSqliteStatement _live;
    private readonly NativeSqliteStatement _set;
    private readonly int _room;
    private readonly int _session;
    private readonly int _seq;

    public SqliteSeqCounters(SqliteConnection connection, MessageStatements statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var liveSql = statements.LiveSessionSql ?? throw new ArgumentException("These statements do not count seqs in the writer.", nameof(statements));
        _live = NativeSqliteStatement.Prepare(connection, liveSql);
        try
        {
            _set = NativeSqliteStatement.Prepare(connection, statements.SetCounterSql!);
        }
        catch
        {
            _live.Dispose();
            throw;
        }

        try
        {
            _room = _live.Parameter(statements.ParameterName(MessageStatements.Parameters.Room));
            _session = _set.Parameter(statements.ParameterName(MessageStatements.Parameters.Session));
            _seq = _set.Parameter(statements.ParameterName(nameof(ChatMessage.Seq)));

            // Only sessions not ended take messages; the binding stays between executions.
            var ended = statements.ToProvider(MessageStatements.Parameters.Ended, SessionState.Inactive) as string
                ?? throw new InvalidOperationException("A session's state is expected to be stored as text.");
            _live.Bind(_live.Parameter(statements.ParameterName(MessageStatements.Parameters.Ended)), ended);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The live session of the room whose key is <paramref name="roomKey"/>: its id, the last seq it gave out and its room's name; null when the room has none.</summary>
    public (int SessionId, long LastSeq, string Room)? LiveSession(string roomKey)
    {
        _live.Bind(_room, roomKey);
        try
        {
            return _live.ReadFirst()
                ? (checked((int)_live.Int64(0)), _live.Int64(1), _live.Text(2) ?? throw new InvalidOperationException("A session's room is never empty."))
                : null;
        }
        finally
        {
            _live.Reset();
        }
    }

    /// <summary>Writes <paramref name="lastSeq"/> back as the last seq session <paramref name="sessionId"/> gave out.</summary>
    public void Save(int sessionId, long lastSeq)
    {
        _set.Bind(_session, sessionId);
        _set.Bind(_seq, lastSeq);
        _set.Execute();
    }

    public void Dispose()
    {
        _live.Dispose();
        _set.Dispose();
    }
}
