using Chat.Application.Common.Interfaces;
using Chat.Application.Presence;
using Chat.Application.Common;
using Chat.Application.Common.Behaviours;
using Chat.Application.Presence.FindLapsedPlayers;
using Chat.Application.Presence.GiveUpSeat;
using Chat.Application.Sessions.Common;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Chat.Infrastructure.Persistence;
using Chat.Infrastructure.Persistence.Providers;
using Chat.Infrastructure.Presence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Chat.Infrastructure.Tests.Presence.Support;

/// <summary>
/// A SQLite file of its own for one test, with the real schema and write-ahead
/// logging as the app runs it. Every context opens its own connection, as separate
/// requests or server processes would, so two sweeps can really race. Nothing
/// moves the clock but the test.
/// </summary>
internal sealed class PresenceDatabase : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"chat-presence-tests-{Guid.NewGuid():N}");
    private readonly string _connectionString;

    public PresenceDatabase()
    {
        Directory.CreateDirectory(_folder);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_folder, "chat.db"),
            Pooling = false,
        }.ToString();
        using var db = NewContext();
        db.Database.EnsureCreated();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public IOptions<PresenceOptions> Options { get; } =
        Microsoft.Extensions.Options.Options.Create(new PresenceOptions { DisconnectGrace = Grace, ConnectionStaleAfter = StaleAfter });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public SqliteChatDbContext NewContext(params IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<SqliteChatDbContext>().UseSqlite(_connectionString).AddInterceptors(interceptors).Options);

    public async Task<User> AddUser(string name) => await Save(db => db.Users.Add(User.Register(name, Clock.GetUtcNow())).Entity);

    public async Task<User> AddRobotUser(string name) => await Save(db => db.Users.Add(User.RegisterRobot(name, Clock.GetUtcNow())).Entity);

    public async Task<ChatSession> Host(User host, string room, string? robot = null, int maxPlayers = ChatSession.DefaultMaxPlayers) =>
        await Save(db =>
        {
            db.Users.Attach(host);
            return db.Sessions.Add(ChatSession.Host(host, room, robot, maxPlayers, Clock.GetUtcNow())).Entity;
        });

    public Task Join(User user, string room) => Change(room, user, session => session.Join(user, Clock.GetUtcNow()));

    public Task SeatRobot(User robot, string room) => Change(room, robot, session =>
    {
        session.AddRobot(robot, Clock.GetUtcNow(), TimeSpan.Zero);
        session.AnnounceRobot(Clock.GetUtcNow());
    });

    public Task Leave(User user, string room) => Change(room, user, session => session.Leave(user.Id, Clock.GetUtcNow(), Random.Shared));

    public Task Connected(string connectionId, User user) => Track(tracker => tracker.Connected(connectionId, user.Id, Clock.GetUtcNow(), Ct));

    public Task Disconnected(string connectionId) => Track(tracker => tracker.Disconnected(connectionId, Clock.GetUtcNow(), Ct));

    public Task Heartbeat(params string[] connectionIds) => Track(tracker => tracker.Heartbeat(connectionIds, Clock.GetUtcNow(), Ct));

    /// <summary>Asks, as the sweep does, which players' seats have lapsed: the real rule over the real tracker.</summary>
    public async Task<IReadOnlyList<LapsedPlayer>> FindLapsed()
    {
        await using var db = NewContext();
        return await new FindLapsedPlayersHandler(new DatabasePresenceTracker(db), Options, Clock).Handle(new FindLapsedPlayers(), Ct);
    }

    /// <summary>Forgets connections ended more than <paramref name="retention"/> ago, as the sweep does.</summary>
    public async Task<int> ForgetEnded(TimeSpan retention)
    {
        await using var db = NewContext();
        return await new DatabasePresenceTracker(db).ForgetEnded(Clock.GetUtcNow() - retention, Ct);
    }

    /// <summary>The ids of the connection records kept.</summary>
    public async Task<List<string>> ConnectionIds()
    {
        await using var db = NewContext();
        return await db.Set<ConnectionRecord>().OrderBy(c => c.ConnectionId).Select(c => c.ConnectionId).ToListAsync(Ct);
    }

    /// <summary>
    /// One sweep's lapses, as a process runs them: the lapsed players found, then one
    /// <see cref="GiveUpSeat"/> each, in a context of its own, through the real retry and
    /// transaction behaviours. Returns how many players it took out.
    /// </summary>
    public async Task<int> Expire(IChatBroadcaster? broadcaster = null, params IInterceptor[] interceptors)
    {
        var expired = 0;
        foreach (var player in await FindLapsed())
        {
            await using var db = NewContext(interceptors);
            var announcements = new Announcements(broadcaster ?? Substitute.For<IChatBroadcaster>());
            using var services = new ServiceCollection()
                .AddSingleton(announcements)
                .AddSingleton<IDatabaseTransactions>(new DatabaseTransactions(db))
                .BuildServiceProvider();
            var handler = new GiveUpSeatHandler(db, new SessionCommitter(db, announcements, Clock), Random.Shared, Clock);
            var transaction = new TransactionBehaviour<GiveUpSeat, bool>(services);
            var retry = new RetryOnConflictBehaviour<GiveUpSeat, bool>();
            if (await retry.Handle(new GiveUpSeat(player.UserId, player.SessionId), (command, ct) => transaction.Handle(command, handler.Handle, ct), Ct))
            {
                expired++;
            }
        }

        return expired;
    }

    public async Task<ChatSession> Session(string room)
    {
        await using var db = NewContext();
        return await db.Sessions.AsNoTracking().Include(s => s.Members).SingleAsync(s => s.Room == room, Ct);
    }

    public async Task<User> FindUser(int id)
    {
        await using var db = NewContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id, Ct);
    }

    /// <summary>The texts stored in the room, oldest first.</summary>
    public async Task<List<string>> TextsIn(string room)
    {
        await using var db = NewContext();
        var sessionId = await db.Sessions.Where(s => s.Room == room).Select(s => s.Id).SingleAsync(Ct);
        return await db.Messages.Where(m => m.SessionId == sessionId).OrderBy(m => m.Id).Select(m => m.Text).ToListAsync(Ct);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task<T> Save<T>(Func<SqliteChatDbContext, T> add)
    {
        await using var db = NewContext();
        var added = add(db);
        await db.SaveChangesAsync(Ct);
        return added;
    }

    private async Task Change(string room, User seated, Action<ChatSession> change)
    {
        await using var db = NewContext();
        db.Users.Attach(seated);
        var session = await db.Sessions.Include(s => s.Members).SingleAsync(s => s.Room == room, Ct);
        change(session);
        session.ClearEvents();
        await db.SaveChangesAsync(Ct);
    }

    private async Task Track(Func<DatabasePresenceTracker, Task> step)
    {
        await using var db = NewContext();
        await step(new DatabasePresenceTracker(db));
    }
}
