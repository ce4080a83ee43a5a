using System.Data.Common;
using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chat.Infrastructure.Messaging;

/// <summary>
/// The statements of the send path, written once from the EF model so that table
/// and column names, quoting and value conversions stay those of the migrations
/// on every provider. The main one inserts a message only if its sender holds a
/// seat in a live session of that room, and returns the new id and the session:
/// the membership check and the insert are one statement, with no EF change
/// tracking or query pipeline around it (ADR-004).
/// </summary>
internal sealed class MessageStatements
{
    private readonly ISqlGenerationHelper _sql;

    private MessageStatements(
        string post,
        string roomOf,
        IReadOnlyDictionary<string, RelationalTypeMapping> mappings,
        ISqlGenerationHelper sql)
    {
        PostSql = post;
        RoomOfSql = roomOf;
        Mappings = mappings;
        _sql = sql;
    }

    /// <summary>Inserts the message if the sender is seated; returns (Id, SessionId), or no row.</summary>
    public string PostSql { get; }

    /// <summary>The display name of a session's room.</summary>
    public string RoomOfSql { get; }

    /// <summary>The type mapping of each parameter, by name, so values are bound exactly as EF binds them.</summary>
    private IReadOnlyDictionary<string, RelationalTypeMapping> Mappings { get; }

    public static MessageStatements For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var sessions = Table.Of<ChatSession>(db, sql);
        var members = Table.Of<SessionMember>(db, sql);
        var messages = Table.Of<ChatMessage>(db, sql);
        string P(string name) => sql.GenerateParameterNamePlaceholder(name);

        var sessionId = sessions.Column(nameof(ChatSession.Id));
        var columns = string.Join(", ", Parameters.Message.Prepend(nameof(ChatMessage.SessionId)).Select(messages.Column));
        var values = string.Join(", ", Parameters.Message.Select(P).Prepend($"s.{sessionId}"));
        var seated =
            $"FROM {sessions.Name} AS s INNER JOIN {members.Name} AS m " +
            $"ON m.{members.Column(nameof(SessionMember.SessionId))} = s.{sessionId} " +
            $"WHERE s.{sessions.Column(nameof(ChatSession.NormalizedRoom))} = {P(Parameters.Room)} " +
            $"AND s.{sessions.Column(nameof(ChatSession.State))} <> {P(Parameters.Ended)} " +
            $"AND m.{members.Column(nameof(SessionMember.UserId))} = {P(nameof(ChatMessage.SenderId))} " +
            $"AND m.{members.Column(nameof(SessionMember.LeftAt))} IS NULL";
        var id = messages.Column(nameof(ChatMessage.Id));
        var messageSession = messages.Column(nameof(ChatMessage.SessionId));

        // SQL Server has no RETURNING; its OUTPUT clause sits before the rows inserted.
        var post = db.Database.IsSqlServer()
            ? $"INSERT INTO {messages.Name} ({columns}) OUTPUT INSERTED.{id}, INSERTED.{messageSession} SELECT {values} {seated}"
            : $"INSERT INTO {messages.Name} ({columns}) SELECT {values} {seated} RETURNING {id}, {messageSession}";
        var roomOf =
            $"SELECT {sessions.Column(nameof(ChatSession.Room))} FROM {sessions.Name} WHERE {sessionId} = {P(Parameters.Session)}";

        var mappings = new Dictionary<string, RelationalTypeMapping>(StringComparer.Ordinal)
        {
            [Parameters.Room] = sessions.Mapping(nameof(ChatSession.NormalizedRoom)),
            [Parameters.Ended] = sessions.Mapping(nameof(ChatSession.State)),
            [Parameters.Session] = sessions.Mapping(nameof(ChatSession.Id)),
        };
        foreach (var column in Parameters.Message)
        {
            mappings[column] = messages.Mapping(column);
        }

        return new MessageStatements(post, roomOf, mappings, sql);
    }

    /// <summary>A command for <paramref name="text"/> with its parameters created once; values are set per execution.</summary>
    public BoundCommand Prepare(DbConnection connection, string text, params string[] parameterNames)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = text;
        var parameters = new Dictionary<string, BoundParameter>(StringComparer.Ordinal);
        foreach (var name in parameterNames)
        {
            var mapping = Mappings[name];
            var parameter = mapping.CreateParameter(command, _sql.GenerateParameterName(name), value: null, nullable: true);
            command.Parameters.Add(parameter);
            parameters[name] = new BoundParameter(parameter, mapping);
        }

        return new BoundCommand(command, parameters);
    }

    /// <summary>Parameter names; the message's own values use their property names.</summary>
    public static class Parameters
    {
        public const string Room = "room";
        public const string Ended = "ended";
        public const string Session = "session";

        /// <summary>The message's columns bound from the draft (its session comes from the seat found).</summary>
        public static readonly string[] Message =
        [
            nameof(ChatMessage.SenderId), nameof(ChatMessage.Sender), nameof(ChatMessage.Text),
            nameof(ChatMessage.Timestamp), nameof(ChatMessage.Kind),
        ];

        public static readonly string[] Post = [Room, Ended, .. Message];

        public static readonly string[] RoomOf = [Session];
    }

    private sealed record Table(string Name, IEntityType Entity, StoreObjectIdentifier Store, ISqlGenerationHelper Sql)
    {
        public static Table Of<TEntity>(DbContext db, ISqlGenerationHelper sql)
        {
            var entity = db.Model.FindEntityType(typeof(TEntity))
                ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
            var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            return new Table(sql.DelimitIdentifier(store.Name, store.Schema), entity, store, sql);
        }

        public string Column(string property) => Sql.DelimitIdentifier(Property(property).GetColumnName(Store)!);

        public RelationalTypeMapping Mapping(string property) => Property(property).GetRelationalTypeMapping();

        private IProperty Property(string name) => Entity.FindProperty(name)
            ?? throw new InvalidOperationException($"{Entity.DisplayName()}.{name} is not in the model.");
    }
}

/// <summary>A command whose parameters keep their objects between executions, so providers can reuse the prepared statement.</summary>
internal sealed class BoundCommand(DbCommand command, IReadOnlyDictionary<string, BoundParameter> parameters) : IDisposable
{
    public DbCommand Command { get; } = command;

    public BoundCommand Set(string name, object? value)
    {
        parameters[name].Set(value);
        return this;
    }

    public void Dispose() => Command.Dispose();
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
