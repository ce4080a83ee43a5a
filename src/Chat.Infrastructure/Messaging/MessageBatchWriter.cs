using System.Data.Common;
using Chat.Application.Common.Interfaces;
using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Messaging;

/// <summary>
/// Writes batches of drafts (their text already checked) on a connection of its
/// own: in one transaction, each draft is inserted if its sender holds a seat in a
/// live session of that room; then the transaction commits and every draft is
/// answered with its <see cref="MessageOutcome"/>: stored, or refused with the
/// reason the database shows (Application says it to the sender). The connection and its commands live as
/// long as the writer, so the database parses each statement once. Its calls are
/// synchronous: the writer has a thread of its own.
/// </summary>
internal sealed class MessageBatchWriter : IDisposable
{
    /// <summary>Room names of sessions never change; the cache is only bounded so it cannot grow forever.</summary>
    private const int RoomCacheLimit = 10_000;

    private readonly IServiceScope _scope;
    private readonly ChatDbContext _db;
    private readonly DbConnection _connection;
    private readonly BoundCommand _post;
    private readonly BoundCommand _roomOf;
    private readonly Dictionary<int, string> _rooms = [];

    private MessageBatchWriter(IServiceScope scope, ChatDbContext db, MessageStatements statements)
    {
        _scope = scope;
        _db = db;
        _connection = db.Database.GetDbConnection();
        _post = statements.Prepare(_connection, statements.PostSql, MessageStatements.Parameters.Post)
            .Set(MessageStatements.Parameters.Ended, SessionState.Inactive)
            .Set(nameof(ChatMessage.Kind), MessageKind.Chat);
        _roomOf = statements.Prepare(_connection, statements.RoomOfSql, MessageStatements.Parameters.RoomOf);
    }

    public static MessageBatchWriter Open(IServiceScopeFactory scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var scope = scopes.CreateScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
            db.Database.OpenConnection();
            return new MessageBatchWriter(scope, db, MessageStatements.For(db));
        }
        catch
        {
            scope.Dispose();
            throw;
        }
    }

    public void Write(IReadOnlyList<PendingMessage> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var accepted = new List<(PendingMessage Pending, PostedMessage Posted)>(batch.Count);
        var refused = new List<PendingMessage>();
        using (var transaction = _connection.BeginTransaction())
        {
            _post.Command.Transaction = transaction;
            _roomOf.Command.Transaction = transaction;
            foreach (var pending in batch)
            {
                if (Post(pending) is { } message)
                {
                    accepted.Add((pending, new PostedMessage(message, RoomOf(message.SessionId))));
                }
                else
                {
                    refused.Add(pending);
                }
            }

            if (accepted.Count > 0)
            {
                transaction.Commit();
            }
        }

        // Only now, after the commit: a sender told "stored" can never see it rolled back.
        foreach (var (pending, posted) in accepted)
        {
            pending.Outcome.TrySetResult(MessageOutcome.Stored(posted));
        }

        if (refused.Count > 0)
        {
            Refuse(refused);
        }
    }

    /// <summary>Inserts the draft if its sender is seated in a live session of the room; null when not.</summary>
    private ChatMessage? Post(PendingMessage pending)
    {
        var draft = pending.Draft;
        var command = _post
            .Set(MessageStatements.Parameters.Room, draft.Room.Key)
            .Set(nameof(ChatMessage.SenderId), draft.SenderId)
            .Set(nameof(ChatMessage.Sender), draft.Sender)
            .Set(nameof(ChatMessage.Text), draft.Text)
            .Set(nameof(ChatMessage.Timestamp), draft.Timestamp)
            .Command;
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return ChatMessage.Stored(reader.GetInt64(0), reader.GetInt32(1), draft.SenderId, draft.Sender, draft.Text, draft.Timestamp);
    }

    private string RoomOf(int sessionId)
    {
        if (_rooms.TryGetValue(sessionId, out var room))
        {
            return room;
        }

        if (_rooms.Count >= RoomCacheLimit)
        {
            _rooms.Clear();
        }

        var command = _roomOf.Set(MessageStatements.Parameters.Session, sessionId).Command;
        room = (string)command.ExecuteScalar()!;
        _rooms[sessionId] = room;
        return room;
    }

    /// <summary>The slow path: find, for each refused draft, what the database shows about its room.</summary>
    private void Refuse(List<PendingMessage> refused)
    {
        var roomKeys = refused.Select(r => r.Draft.Room.Key).Distinct().ToList();
        var sessions = _db.Sessions
            .AsNoTracking()
            .Where(s => roomKeys.Contains(s.NormalizedRoom))
            .Select(s => new { s.NormalizedRoom, s.Room, s.State })
            .ToDictionary(s => s.NormalizedRoom);
        foreach (var pending in refused)
        {
            var outcome = sessions.TryGetValue(pending.Draft.Room.Key, out var session)
                ? MessageOutcome.Refused(session.State == SessionState.Inactive ? MessageRefusal.SessionEnded : MessageRefusal.NotAPlayer, session.Room)
                : MessageOutcome.Refused(MessageRefusal.NoSuchRoom, pending.Draft.Room.Value);
            pending.Outcome.TrySetResult(outcome);
        }
    }

    public void Dispose()
    {
        _post.Dispose();
        _roomOf.Dispose();
        _db.Database.CloseConnection();
        _scope.Dispose();
    }
}
