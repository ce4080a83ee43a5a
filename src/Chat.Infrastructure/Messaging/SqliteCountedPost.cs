using Chat.Application.Common.Interfaces;
using Chat.Domain.Messages;
using Chat.Infrastructure.Persistence.Providers;
using Microsoft.Data.Sqlite;

namespace Chat.Infrastructure.Messaging;

/// <summary>
/// SQLite's post at a counted seq (<see cref="MessageStatements.PostSql"/> where the
/// writer counts), the one statement the writer runs for every message: prepared
/// once on the writer's connection and bound in place (<see cref="NativeSqliteStatement"/>).
/// </summary>
internal sealed class SqliteCountedPost : IDisposable
{
    private readonly NativeSqliteStatement _statement;
    private readonly int _session;
    private readonly int _seq;
    private readonly int _senderId;
    private readonly int _sender;
    private readonly int _text;
    private readonly int _timestamp;
    private readonly int _clientMsgId;

    public SqliteCountedPost(SqliteConnection connection, MessageStatements statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        _statement = NativeSqliteStatement.Prepare(connection, statements.PostSql);
        try
        {
            int Parameter(string name) => _statement.Parameter(statements.ParameterName(name));
            _session = Parameter(MessageStatements.Parameters.Session);
            _seq = Parameter(nameof(ChatMessage.Seq));
            _senderId = Parameter(nameof(ChatMessage.SenderId));
            _sender = Parameter(nameof(ChatMessage.Sender));
            _text = Parameter(nameof(ChatMessage.Text));
            _timestamp = Parameter(nameof(ChatMessage.Timestamp));
            _clientMsgId = Parameter(nameof(ChatMessage.ClientMsgId));

            // Every post is a player's chat line; the binding stays between executions.
            var kind = statements.ToProvider(nameof(ChatMessage.Kind), MessageKind.Chat) as string
                ?? throw new InvalidOperationException("A message's kind is expected to be stored as text.");
            _statement.Bind(Parameter(nameof(ChatMessage.Kind)), kind);
        }
        catch
        {
            _statement.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Inserts the draft at <paramref name="seq"/> of the session if its sender is seated
    /// there and has not used its client id in the session: the new row's id, or null
    /// when nothing was stored.
    /// </summary>
    public long? Post(MessageDraft draft, int sessionId, long seq)
    {
        ArgumentNullException.ThrowIfNull(draft);
        _statement.Bind(_session, sessionId);
        _statement.Bind(_seq, seq);
        _statement.Bind(_senderId, draft.SenderId);
        _statement.Bind(_sender, draft.Sender);
        _statement.Bind(_text, draft.Text);
        _statement.Bind(_timestamp, draft.Timestamp);
        _statement.Bind(_clientMsgId, draft.ClientMsgId);
        return _statement.Execute() == 1 ? _statement.LastInsertedRowId : null;
    }

    public void Dispose() => _statement.Dispose();
}
