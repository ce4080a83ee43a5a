using System.Data.Common;
using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Chat.Infrastructure.Persistence.Configurations;
using Chat.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chat.Infrastructure.Messaging;

/// <summary>
/// The statements of the send path, written once from the EF model so that table
/// and column names, quoting and value conversions stay those of the migrations
/// on every provider (ADR-004, ADR-013). Posting a draft moves its session's seq
/// counter only if the sender holds a seat in a live session of that room, and
/// inserts the message at that seq unless the sender already stored one with the
/// same client id; it answers (SessionId, Seq, Id), with a null Id for such a
/// duplicate, or no row for a refusal. One statement a message on PostgreSQL and
/// SQL Server. On SQLite the writer counts (<see cref="CountsSeq"/>): it reads each
/// room's live session once a batch, posts each draft at the seq it counted, and
/// moves each counter once before the commit.
/// </summary>
internal sealed class MessageStatements
{
    private readonly ISqlGenerationHelper _sql;

    private MessageStatements(
        string post,
        string undoSeq,
        string original,
        string roomOf,
        IReadOnlyDictionary<string, RelationalTypeMapping> mappings,
        ISqlGenerationHelper sql)
    {
        PostSql = post;
        UndoSeqSql = undoSeq;
        OriginalSql = original;
        RoomOfSql = roomOf;
        Mappings = mappings;
        _sql = sql;
    }

    /// <summary>
    /// Moves the seat's session counter and inserts the message: returns (SessionId, Seq, Id?),
    /// a null Id for a resend (PostgreSQL, SQL Server: the counter moved and is given back).
    /// Where the writer counts (SQLite), inserts the message at the session and seq given,
    /// if its sender is seated there and has not used its client id in the session; it
    /// returns nothing, and the rows it changed say whether it did.
    /// </summary>
    public string PostSql { get; }

    /// <summary>
    /// Where the writer counts: the live session of a room, (Id, LastSeq, Room), read once a
    /// batch inside the write transaction, so nothing else moves its counter meanwhile.
    /// </summary>
    public string? LiveSessionSql { get; private init; }

    /// <summary>Where the writer counts: sets a session's counter to the last seq the batch gave out in it.</summary>
    public string? SetCounterSql { get; private init; }

    /// <summary>
    /// Whether the writer numbers a batch's messages itself (SQLite: one writer holds the
    /// database's write lock for the whole transaction, so the counts it reads stay its own).
    /// One statement a message that also read and moved the session row cost about a third
    /// more per message than an insert at a counted seq (ADR-004, fifth revision).
    /// </summary>
    public bool CountsSeq => LiveSessionSql is not null;

    /// <summary>Gives back the seq a duplicate took, while the transaction still holds the session.</summary>
    public string UndoSeqSql { get; }

    /// <summary>The message first stored under a client id: (Id, Seq, Text, Timestamp).</summary>
    public string OriginalSql { get; }

    /// <summary>The display name of a session's room.</summary>
    public string RoomOfSql { get; }

    /// <summary>
    /// Whether a batch's posts go to the server together, one round trip for the
    /// batch (PostgreSQL, through <see cref="DbBatch"/>). A database in the same
    /// process (SQLite) has no round trip to save; SQL Server keeps one statement at a
    /// time until its batches can be tested here.
    /// </summary>
    public bool PipelinesPosts { get; private init; }

    /// <summary>The type mapping of each parameter, by name, so values are bound exactly as EF binds them.</summary>
    private IReadOnlyDictionary<string, RelationalTypeMapping> Mappings { get; }

    public static MessageStatements For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var sessions = StoreTable.Of<ChatSession>(db, sql);
        var members = StoreTable.Of<SessionMember>(db, sql);
        var messages = StoreTable.Of<ChatMessage>(db, sql);
        string P(string name) => sql.GenerateParameterNamePlaceholder(name);

        var sessionId = sessions.Column(nameof(ChatSession.Id));
        var lastSeq = sessions.Column(SessionColumns.LastSeq);
        var seated =
            $"{sessions.Name}.{sessions.Column(nameof(ChatSession.NormalizedRoom))} = {P(Parameters.Room)} " +
            $"AND {sessions.Name}.{sessions.Column(nameof(ChatSession.State))} <> {P(Parameters.Ended)} " +
            $"AND EXISTS (SELECT 1 FROM {members.Name} AS m WHERE m.{members.Column(nameof(SessionMember.SessionId))} = {sessions.Name}.{sessionId} " +
            $"AND m.{members.Column(nameof(SessionMember.UserId))} = {P(nameof(ChatMessage.SenderId))} " +
            $"AND m.{members.Column(nameof(SessionMember.LeftAt))} IS NULL)";
        var moveCounter = $"UPDATE {sessions.Name} SET {lastSeq} = {sessions.Name}.{lastSeq} + 1 ";
        var id = messages.Column(nameof(ChatMessage.Id));
        var seq = messages.Column(nameof(ChatMessage.Seq));
        var messageSession = messages.Column(nameof(ChatMessage.SessionId));
        var sender = messages.Column(nameof(ChatMessage.SenderId));
        var clientMsgId = messages.Column(nameof(ChatMessage.ClientMsgId));
        var columns = string.Join(", ", Parameters.Message.Prepend(nameof(ChatMessage.Seq)).Prepend(nameof(ChatMessage.SessionId)).Select(messages.Column));
        var drafted = string.Join(", ", Parameters.Message.Select(P));
        // The client-id index is partial (ChatMessageConfiguration): a conflict target names its filter too.
        var onDuplicate = $"ON CONFLICT ({messageSession}, {sender}, {clientMsgId}) WHERE {clientMsgId} IS NOT NULL DO NOTHING";

        string post;
        string? liveSession = null;
        string? setCounter = null;
        var pipelined = false;
        if (db.Database.IsNpgsql())
        {
            pipelined = true;
            post =
                $"WITH s AS ({moveCounter}WHERE {seated} RETURNING {sessions.Name}.{sessionId}, {sessions.Name}.{lastSeq}), " +
                $"i AS (INSERT INTO {messages.Name} ({columns}) SELECT s.{sessionId}, s.{lastSeq}, {drafted} FROM s {onDuplicate} RETURNING {id}) " +
                $"SELECT s.{sessionId}, s.{lastSeq}, (SELECT i.{id} FROM i) FROM s";
        }
        else if (db.Database.IsSqlServer())
        {
            // No RETURNING and no ON CONFLICT: OUTPUT into table variables, and a duplicate
            // check made safe by the session row the UPDATE holds until the commit.
            post =
                $"DECLARE @s TABLE (SessionId int, Seq bigint); DECLARE @i TABLE (Id bigint); " +
                $"{moveCounter}OUTPUT INSERTED.{sessionId}, INSERTED.{lastSeq} INTO @s WHERE {seated}; " +
                $"INSERT INTO {messages.Name} ({columns}) OUTPUT INSERTED.{id} INTO @i SELECT s.SessionId, s.Seq, {drafted} FROM @s AS s " +
                $"WHERE {P(nameof(ChatMessage.ClientMsgId))} IS NULL OR NOT EXISTS (SELECT 1 FROM {messages.Name} WITH (UPDLOCK, HOLDLOCK) " +
                $"WHERE {messageSession} = s.SessionId AND {sender} = {P(nameof(ChatMessage.SenderId))} AND {clientMsgId} = {P(nameof(ChatMessage.ClientMsgId))}); " +
                $"SELECT s.SessionId, s.Seq, (SELECT TOP 1 Id FROM @i) FROM @s AS s;";
        }
        else
        {
            // SQLite: the writer counts (CountsSeq). The insert's SELECT needs its WHERE for
            // SQLite to read ON CONFLICT as the upsert clause; here the WHERE is the seat.
            // A resend inserts nothing; the seq it was offered goes to the next draft.
            var messageColumns = string.Join(", ", Parameters.Message.Select(messages.Column));
            post =
                $"INSERT INTO {messages.Name} ({messageSession}, {seq}, {messageColumns}) " +
                $"SELECT {P(Parameters.Session)}, {P(nameof(ChatMessage.Seq))}, {drafted} " +
                $"WHERE EXISTS (SELECT 1 FROM {members.Name} AS m WHERE m.{members.Column(nameof(SessionMember.SessionId))} = {P(Parameters.Session)} " +
                $"AND m.{members.Column(nameof(SessionMember.UserId))} = {P(nameof(ChatMessage.SenderId))} " +
                $"AND m.{members.Column(nameof(SessionMember.LeftAt))} IS NULL) " +
                onDuplicate;
            liveSession =
                $"SELECT {sessionId}, {lastSeq}, {sessions.Column(nameof(ChatSession.Room))} FROM {sessions.Name} " +
                $"WHERE {sessions.Column(nameof(ChatSession.NormalizedRoom))} = {P(Parameters.Room)} " +
                $"AND {sessions.Column(nameof(ChatSession.State))} <> {P(Parameters.Ended)}";
            setCounter = $"UPDATE {sessions.Name} SET {lastSeq} = {P(nameof(ChatMessage.Seq))} WHERE {sessionId} = {P(Parameters.Session)}";
        }

        var undoSeq = $"UPDATE {sessions.Name} SET {lastSeq} = {lastSeq} - 1 WHERE {sessionId} = {P(Parameters.Session)}";
        var original =
            $"SELECT {id}, {seq}, {messages.Column(nameof(ChatMessage.Text))}, {messages.Column(nameof(ChatMessage.Timestamp))} FROM {messages.Name} " +
            $"WHERE {messageSession} = {P(Parameters.Session)} AND {sender} = {P(nameof(ChatMessage.SenderId))} AND {clientMsgId} = {P(nameof(ChatMessage.ClientMsgId))}";
        var roomOf =
            $"SELECT {sessions.Column(nameof(ChatSession.Room))} FROM {sessions.Name} WHERE {sessionId} = {P(Parameters.Session)}";

        var mappings = new Dictionary<string, RelationalTypeMapping>(StringComparer.Ordinal)
        {
            [Parameters.Room] = sessions.Mapping(nameof(ChatSession.NormalizedRoom)),
            [Parameters.Ended] = sessions.Mapping(nameof(ChatSession.State)),
            [Parameters.Session] = sessions.Mapping(nameof(ChatSession.Id)),
            [nameof(ChatMessage.Seq)] = messages.Mapping(nameof(ChatMessage.Seq)),
        };
        foreach (var column in Parameters.Message)
        {
            mappings[column] = messages.Mapping(column);
        }

        return new MessageStatements(post, undoSeq, original, roomOf, mappings, sql)
        {
            PipelinesPosts = pipelined,
            LiveSessionSql = liveSession,
            SetCounterSql = setCounter,
        };
    }

    /// <summary>A parameter's name as the statements write it, prefix included.</summary>
    public string ParameterName(string name) => _sql.GenerateParameterName(name);

    /// <summary>A value as its column stores it: through the column's value converter, when it has one, as EF would.</summary>
    public object? ToProvider(string name, object value) =>
        Mappings[name].Converter is { } converter ? converter.ConvertToProvider(value) : value;

    /// <summary>A command for <paramref name="text"/> with its parameters created once; values are set per execution.</summary>
    public BoundCommand Prepare(DbConnection connection, string text, params string[] parameterNames)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = text;
        return new BoundCommand(command, Bind(command, command.Parameters, parameterNames));
    }

    /// <summary>
    /// A statement for <paramref name="batch"/>, with its parameters created once; the caller
    /// puts it in the batch. Type mappings configure parameters through a command
    /// (<paramref name="factory"/>, one for all of a batch's statements); the parameters
    /// themselves are the batch statement's.
    /// </summary>
    public BoundBatchCommand PrepareFor(DbBatch batch, DbCommand factory, string text, params string[] parameterNames)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var command = batch.CreateBatchCommand();
        command.CommandText = text;
        return new BoundBatchCommand(command, Bind(factory, command.Parameters, parameterNames));
    }

    /// <summary>Creates the named parameters as EF's type mappings would (through <paramref name="factory"/>) and adds them to <paramref name="target"/>.</summary>
    private Dictionary<string, BoundParameter> Bind(DbCommand factory, DbParameterCollection target, string[] parameterNames)
    {
        var parameters = new Dictionary<string, BoundParameter>(StringComparer.Ordinal);
        foreach (var name in parameterNames)
        {
            var mapping = Mappings[name];
            var parameter = mapping.CreateParameter(factory, _sql.GenerateParameterName(name), value: null, nullable: true);
            target.Add(parameter);
            parameters[name] = new BoundParameter(parameter, mapping);
        }

        return parameters;
    }

    /// <summary>Parameter names; the message's own values use their property names.</summary>
    public static class Parameters
    {
        public const string Room = "room";
        public const string Ended = "ended";
        public const string Session = "session";

        /// <summary>The message's columns bound from the draft (its session and seq come from the seat found).</summary>
        public static readonly string[] Message =
        [
            nameof(ChatMessage.SenderId), nameof(ChatMessage.Sender), nameof(ChatMessage.Text),
            nameof(ChatMessage.Timestamp), nameof(ChatMessage.Kind), nameof(ChatMessage.ClientMsgId),
        ];

        public static readonly string[] Post = [Room, Ended, .. Message];

        public static readonly string[] UndoSeq = [Session];

        public static readonly string[] Original = [Session, nameof(ChatMessage.SenderId), nameof(ChatMessage.ClientMsgId)];

        public static readonly string[] RoomOf = [Session];
    }
}

/// <summary>A command whose parameters keep their objects between executions, so providers can reuse the prepared statement.</summary>
internal sealed class BoundCommand(DbCommand command, IReadOnlyDictionary<string, BoundParameter> parameters) : IBoundStatement<BoundCommand>, IDisposable
{
    public DbCommand Command { get; } = command;

    public BoundCommand Set(string name, object? value)
    {
        parameters[name].Set(value);
        return this;
    }

    public void Dispose() => Command.Dispose();
}

/// <summary>One statement of a <see cref="DbBatch"/>, kept with its parameters between executions like <see cref="BoundCommand"/>.</summary>
internal sealed class BoundBatchCommand(DbBatchCommand command, IReadOnlyDictionary<string, BoundParameter> parameters) : IBoundStatement<BoundBatchCommand>
{
    public DbBatchCommand Command { get; } = command;

    public BoundBatchCommand Set(string name, object? value)
    {
        parameters[name].Set(value);
        return this;
    }
}

/// <summary>A statement whose parameter values are set by name.</summary>
internal interface IBoundStatement<TSelf>
    where TSelf : IBoundStatement<TSelf>
{
    TSelf Set(string name, object? value);
}

/// <summary>A parameter and the type mapping that converts its values, as EF's own parameters do.</summary>
internal sealed class BoundParameter(DbParameter parameter, RelationalTypeMapping mapping)
{
    public void Set(object? value)
    {
        var stored = value is not null && mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        parameter.Value = stored ?? DBNull.Value;
    }
}
