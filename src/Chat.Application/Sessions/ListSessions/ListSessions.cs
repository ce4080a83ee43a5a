using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Mapping;
using Chat.Application.Common.Models;
using Chat.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Sessions.ListSessions;

/// <summary>The sessions still running; ended ones are no longer listed.</summary>
public sealed record ListSessions : IQuery<SessionLists>;

public sealed record SessionLists(IReadOnlyList<SessionDto> Pending, IReadOnlyList<SessionDto> Active);

/// <summary>
/// The lobby is read far more often than it changes, and must never show a state
/// older than one already announced, so it is read from the database each time,
/// as cheaply as that can be done: one statement (one consistent snapshot) that
/// selects only the columns the listing shows, a flat row per present player,
/// grouped here, rather than tracked-less aggregates with their present members
/// (the effect is in ADR-004's table of measured steps).
/// </summary>
public sealed class ListSessionsHandler(IChatDbContext db) : IQueryHandler<ListSessions, SessionLists>
{
    public async ValueTask<SessionLists> Handle(ListSessions query, CancellationToken cancellationToken)
    {
        var rows = await Rows(db).ToListAsync(cancellationToken);
        var live = Group(rows);
        return new SessionLists(
            [.. live.Where(s => s.State == SessionState.Pending).Select(s => s.ToDto())],
            [.. live.Where(s => s.State == SessionState.Active).Select(s => s.ToDto())]);
    }

    /// <summary>The listing as one query; public so that each database provider's translation of it can be checked.</summary>
    public static IQueryable<ListedSessionRow> Rows(IChatDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return
            from s in db.Sessions
            where s.State != SessionState.Inactive
            from m in db.Members.Where(m => m.SessionId == s.Id && m.LeftAt == null).DefaultIfEmpty()
            orderby s.Id
            select new ListedSessionRow(
                s.Id, s.Room, s.Robot, s.HostId, s.State, s.MaxPlayersAllowed, s.CreatedAt,
                m == null ? null : new ListedPlayer(m.Id, m.UserId, m.Username, m.JoinedAt));
    }

    private static List<ListedSession> Group(List<ListedSessionRow> rows) =>
    [
        .. rows.GroupBy(r => r.Id).Select(g =>
        {
            var s = g.First();
            var players = g.Where(r => r.Player is not null).Select(r => r.Player!).ToList();
            return new ListedSession(s.Id, s.Room, s.Robot, s.HostId, s.State, s.MaxPlayersAllowed, s.CreatedAt, players);
        }),
    ];
}

/// <summary>A live session with one of its present players, or with none (<c>Player</c> null).</summary>
public sealed record ListedSessionRow(
    int Id, string Room, string? Robot, int HostId, SessionState State, int MaxPlayersAllowed, DateTimeOffset CreatedAt, ListedPlayer? Player);

/// <summary>One present player's stay, as much of it as the listing shows or orders by.</summary>
public sealed record ListedPlayer(int StayId, int UserId, string Username, DateTimeOffset JoinedAt);

/// <summary>A live session and its present players, in the order <see cref="ChatSession.Players"/> gives them.</summary>
public sealed class ListedSession(
    int id, string room, string? robot, int hostId, SessionState state, int maxPlayersAllowed, DateTimeOffset createdAt, IReadOnlyCollection<ListedPlayer> present)
{
    public int Id => id;
    public string Room => room;
    public string? Robot => robot;
    public int HostId => hostId;
    public SessionState State => state;
    public int MaxPlayersAllowed => maxPlayersAllowed;
    public DateTimeOffset CreatedAt => createdAt;

    // Ordered here rather than in SQL: SQLite cannot order by a DateTimeOffset column.
    public IReadOnlyList<ListedPlayer> Players { get; } = [.. present.OrderBy(p => p.JoinedAt).ThenBy(p => p.StayId)];

    /// <summary>The host's name as <see cref="ChatSession.HostName"/> gives it from the present players; empty if the host is not among them.</summary>
    public string HostName => present.FirstOrDefault(p => p.UserId == hostId)?.Username ?? string.Empty;
}
