using System.Data.Common;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Telemetry;
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

    /// <summary>One statement a message where the statement counts (PostgreSQL, SQL Server).</summary>
    private readonly BoundCommand? _post;

    /// <summary>The post at a counted seq where the writer counts (SQLite).</summary>
    private readonly SqliteCountedPost? _countedPost;

    /// <summary>Where the writer counts (SQLite): each room's live session and its last seq, read and written back once a batch.</summary>
    private readonly SqliteSeqCounters? _counters;

    private readonly BoundCommand? _undoSeq;
    private readonly BoundCommand _original;
    private readonly BoundCommand _roomOf;
    private readonly Dictionary<int, string> _rooms = [];
    private readonly MessageStatements _statements;

    /// <summary>Whether a batch's posts are sent in one round trip (<see cref="MessageStatements.PipelinesPosts"/>).</summary>
    private readonly bool _pipelined;

    private MessageBatchWriter(IServiceScope scope, ChatDbContext db, MessageStatements statements)
    {
        _scope = scope;
        _db = db;
        _statements = statements;
        _connection = db.Database.GetDbConnection();
        _pipelined = statements.PipelinesPosts && _connection.CanCreateBatch;
        if (statements.CountsSeq)
        {
            _countedPost = new SqliteCountedPost(Sqlite, statements);
            _counters = new SqliteSeqCounters(Sqlite, statements);
        }
        else
        {
            _post = statements.Prepare(_connection, statements.PostSql, MessageStatements.Parameters.Post)
                .Set(MessageStatements.Parameters.Ended, SessionState.Inactive)
                .Set(nameof(ChatMessage.Kind), MessageKind.Chat);

            // Where a resend moves the counter, the seq it took is given back.
            _undoSeq = statements.Prepare(_connection, statements.UndoSeqSql, MessageStatements.Parameters.UndoSeq);
        }

        _original = statements.Prepare(_connection, statements.OriginalSql, MessageStatements.Parameters.Original);
        _roomOf = statements.Prepare(_connection, statements.RoomOfSql, MessageStatements.Parameters.RoomOf);
        Commands = [.. new[] { _post, _undoSeq, _original, _roomOf }.OfType<BoundCommand>()];
    }

    /// <summary>Every command this provider's writer uses: each joins the batch's transaction, and all are disposed with the writer.</summary>
    private BoundCommand[] Commands { get; }

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

        if (_counters is not null)
        {
            WriteCounted(batch);
            return;
        }

        // Rooms in one order on every server, so two servers' batches that move the
        // same sessions' counters cannot wait for each other (the sort is stable: a
        // room's drafts keep the order they came in).
        IReadOnlyList<PendingMessage> ordered = batch.Count > 1 ? [.. batch.OrderBy(p => p.Draft.Room.Key, StringComparer.Ordinal)] : batch;
        if (_pipelined && WritePipelined(ordered))
        {
            return;
        }

        WriteOneByOne(ordered);
    }

    /// <summary>
    /// Sends every post of the batch in one round trip and reads their answers in
    /// order. A resend among them would have to give its seq back before the next
    /// draft of its room took one, so on the first resend the transaction is rolled
    /// back (nothing was stored) and false sends the batch the one-by-one way.
    /// </summary>
    private bool WritePipelined(IReadOnlyList<PendingMessage> drafts)
    {
        var rows = new List<(PendingMessage Pending, int SessionId, long Seq, long Id)>(drafts.Count);
        var refused = new List<PendingMessage>();
        using (var transaction = _connection.BeginTransaction())
        {
            var (batch, posts) = PostsFor(drafts.Count);
            using var disposeBatch = batch;
            batch.Transaction = transaction;
            for (var i = 0; i < drafts.Count; i++)
            {
                var draft = drafts[i].Draft;
                WithDraft(posts[i], draft)
                    .Set(MessageStatements.Parameters.Room, draft.Room.Key)
                    .Set(MessageStatements.Parameters.Ended, SessionState.Inactive)
                    .Set(nameof(ChatMessage.Kind), MessageKind.Chat);
            }

            // Prepared by its text: the server plans the statement once per connection,
            // not once per message (a no-op once this connection has prepared it).
            batch.Prepare();
            using (var reader = batch.ExecuteReader())
            {
                var next = 0;
                do
                {
                    var pending = drafts[next++];
                    if (!reader.Read())
                    {
                        refused.Add(pending);
                        continue;
                    }

                    if (reader.IsDBNull(2))
                    {
                        return false;
                    }

                    rows.Add((pending, reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2)));
                }
                while (reader.NextResult());
            }

            if (rows.Count > 0)
            {
                transaction.Commit();
            }
        }

        var accepted = new List<(PendingMessage Pending, MessageOutcome Outcome)>(rows.Count);
        foreach (var (pending, sessionId, seq, id) in rows)
        {
            var draft = pending.Draft;
            var message = ChatMessage.Stored(id, sessionId, seq, draft.SenderId, draft.Sender, draft.Text, draft.Timestamp, draft.ClientMsgId);
            accepted.Add((pending, MessageOutcome.Stored(new PostedMessage(message, RoomOf(sessionId)))));
        }

        Answer(accepted, refused);
        return true;
    }

    /// <summary>
    /// A batch of <paramref name="count"/> posts, made afresh each time: Npgsql binds a
    /// batch statement's parameter types when it first runs, and a statement reused
    /// with other values fails to bind.
    /// </summary>
    private (DbBatch Batch, List<BoundBatchCommand> Posts) PostsFor(int count)
    {
        var batch = _connection.CreateBatch();
        var posts = new List<BoundBatchCommand>(count);
        using var parameterFactory = _connection.CreateCommand();
        for (var i = 0; i < count; i++)
        {
            var post = _statements.PrepareFor(batch, parameterFactory, _statements.PostSql, MessageStatements.Parameters.Post);
            batch.BatchCommands.Add(post.Command);
            posts.Add(post);
        }

        return (batch, posts);
    }

    private void WriteOneByOne(IReadOnlyList<PendingMessage> batch)
    {
        var accepted = new List<(PendingMessage Pending, MessageOutcome Outcome)>(batch.Count);
        var refused = new List<PendingMessage>();
        using (var transaction = _connection.BeginTransaction())
        {
            Enlist(transaction);

            foreach (var pending in batch)
            {
                if (Post(pending) is { } posted)
                {
                    accepted.Add((pending, posted));
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

        Answer(accepted, refused);
    }

    /// <summary>
    /// SQLite (<see cref="MessageStatements.CountsSeq"/>): the transaction holds the
    /// database's write lock from its start, so the counters read here are this batch's
    /// to give out. Each room's live session is read once, each draft is posted at its
    /// session's next seq, and each counter that moved is set once, before the commit.
    /// No order across rooms is needed: only one writer can hold the lock.
    /// </summary>
    private void WriteCounted(IReadOnlyList<PendingMessage> batch)
    {
        var accepted = new List<(PendingMessage Pending, MessageOutcome Outcome)>(batch.Count);
        var refused = new List<PendingMessage>();
        var counters = new Dictionary<string, SeqCounter?>(StringComparer.Ordinal);

        // Not deferred (BEGIN IMMEDIATE): the write lock is taken before the first count is read.
        using (var transaction = Sqlite.BeginTransaction(deferred: false))
        {
            Enlist(transaction);

            foreach (var pending in batch)
            {
                var room = pending.Draft.Room.Key;
                if (!counters.TryGetValue(room, out var counter))
                {
                    counter = LiveSession(room);
                    counters[room] = counter;
                }

                if (counter is not null && PostCounted(pending.Draft, counter) is { } outcome)
                {
                    accepted.Add((pending, outcome));
                }
                else
                {
                    refused.Add(pending);
                }
            }

            foreach (var counter in counters.Values)
            {
                if (counter is { Moved: true })
                {
                    _counters!.Save(counter.SessionId, counter.Last);
                }
            }

            if (accepted.Count > 0)
            {
                transaction.Commit();
            }
        }

        Answer(accepted, refused);
    }

    private Microsoft.Data.Sqlite.SqliteConnection Sqlite => (Microsoft.Data.Sqlite.SqliteConnection)_connection;

    /// <summary>The room's live session and its counter, or null when the room has none (the refusal says why).</summary>
    private SeqCounter? LiveSession(string roomKey)
    {
        return _counters!.LiveSession(roomKey) is { } live ? new SeqCounter(live.SessionId, live.LastSeq, live.Room) : null;
    }

    /// <summary>
    /// Stores the draft at its session's next seq if its sender is seated there; a draft
    /// whose client id the sender already used in the session stores nothing and answers
    /// with the message stored the first time. Null when the sender is not seated.
    /// </summary>
    private MessageOutcome? PostCounted(MessageDraft draft, SeqCounter counter)
    {
        if (_countedPost!.Post(draft, counter.SessionId, counter.Last + 1) is { } id)
        {
            counter.Took();
            var message = ChatMessage.Stored(id, counter.SessionId, counter.Last, draft.SenderId, draft.Sender, draft.Text, draft.Timestamp, draft.ClientMsgId);
            return MessageOutcome.Stored(new PostedMessage(message, counter.Room));
        }

        return draft.ClientMsgId is null ? null : FirstStored(draft, counter.SessionId, counter.Room);
    }

    /// <summary>A live session's counter while a batch is written: the last seq given out, and whether the batch gave any.</summary>
    private sealed class SeqCounter(int sessionId, long last, string room)
    {
        public int SessionId { get; } = sessionId;

        public string Room { get; } = room;

        public long Last { get; private set; } = last;

        public bool Moved { get; private set; }

        public void Took()
        {
            Last++;
            Moved = true;
        }
    }

    /// <summary>Every command of the writer runs in the batch's transaction.</summary>
    private void Enlist(DbTransaction transaction)
    {
        foreach (var command in Commands)
        {
            command.Command.Transaction = transaction;
        }
    }

    /// <summary>Only now, after the commit: a sender told "stored" can never see it rolled back.</summary>
    private void Answer(List<(PendingMessage Pending, MessageOutcome Outcome)> accepted, List<PendingMessage> refused)
    {
        var stored = 0;
        foreach (var (pending, outcome) in accepted)
        {
            stored += outcome.IsResend ? 0 : 1;
            pending.Decide(outcome);
        }

        ChatTelemetry.MessagesStored.Add(stored);

        if (refused.Count > 0)
        {
            Refuse(refused);
        }
    }

    /// <summary>
    /// Stores the draft at its session's next seq if its sender is seated in a live
    /// session of the room: the outcome, or null when not seated. A draft whose client
    /// id the sender already used in the session gives back its seq and answers with
    /// the message stored the first time.
    /// </summary>
    private MessageOutcome? Post(PendingMessage pending)
    {
        var draft = pending.Draft;
        var post = WithDraft(_post!, draft).Set(MessageStatements.Parameters.Room, draft.Room.Key).Command;
        int sessionId;
        long seq;
        long? id;
        using (var reader = post.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            sessionId = reader.GetInt32(0);
            seq = reader.GetInt64(1);
            id = reader.IsDBNull(2) ? null : reader.GetInt64(2);
        }

        if (id is { } stored)
        {
            var message = ChatMessage.Stored(stored, sessionId, seq, draft.SenderId, draft.Sender, draft.Text, draft.Timestamp, draft.ClientMsgId);
            return MessageOutcome.Stored(new PostedMessage(message, RoomOf(sessionId)));
        }

        return Resent(draft, sessionId);
    }

    /// <summary>The message's own columns, bound from the draft.</summary>
    private static TStatement WithDraft<TStatement>(TStatement command, MessageDraft draft)
        where TStatement : IBoundStatement<TStatement> =>
        command
            .Set(nameof(ChatMessage.SenderId), draft.SenderId)
            .Set(nameof(ChatMessage.Sender), draft.Sender)
            .Set(nameof(ChatMessage.Text), draft.Text)
            .Set(nameof(ChatMessage.Timestamp), draft.Timestamp)
            .Set(nameof(ChatMessage.ClientMsgId), draft.ClientMsgId);

    /// <summary>A resend: the seq it took goes back (the transaction still holds the session), and the first message answers.</summary>
    private MessageOutcome Resent(MessageDraft draft, int sessionId)
    {
        _undoSeq!.Set(MessageStatements.Parameters.Session, sessionId).Command.ExecuteNonQuery();
        return FirstStored(draft, sessionId, RoomOf(sessionId))
            ?? throw new InvalidOperationException("A message was refused as a resend, but no message holds its client id.");
    }

    /// <summary>The message the draft's sender first stored in the session under its client id, as a resend's outcome; null if there is none.</summary>
    private MessageOutcome? FirstStored(MessageDraft draft, int sessionId, string room)
    {
        var original = _original
            .Set(MessageStatements.Parameters.Session, sessionId)
            .Set(nameof(ChatMessage.SenderId), draft.SenderId)
            .Set(nameof(ChatMessage.ClientMsgId), draft.ClientMsgId)
            .Command;
        using var reader = original.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var message = ChatMessage.Stored(
            reader.GetInt64(0),
            sessionId,
            reader.GetInt64(1),
            draft.SenderId,
            draft.Sender,
            reader.GetString(2),
            reader.GetFieldValue<DateTimeOffset>(3),
            draft.ClientMsgId);
        return MessageOutcome.Resent(new PostedMessage(message, room));
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
            ChatTelemetry.MessagesRefused.Add(1, outcome.Refusal switch
            {
                MessageRefusal.SessionEnded => ChatTelemetry.RefusalReasons.SessionEnded,
                MessageRefusal.NoSuchRoom => ChatTelemetry.RefusalReasons.NoSuchRoom,
                _ => ChatTelemetry.RefusalReasons.NotAPlayer,
            });
            pending.Decide(outcome);
        }
    }

    public void Dispose()
    {
        foreach (var command in Commands)
        {
            command.Dispose();
        }

        _countedPost?.Dispose();
        _counters?.Dispose();
        _db.Database.CloseConnection();
        _scope.Dispose();
    }
}
