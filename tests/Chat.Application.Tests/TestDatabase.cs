using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Chat.Infrastructure.Persistence.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Chat.Application.Tests;

/// <summary>
/// A fresh SQLite database in memory for one test, with the real entity configurations.
/// EF's DbSet is not meant to be mocked: a substitute would answer the handlers' LINQ
/// from a list and skip what they rely on (SQL translation, the unique indexes, the
/// session's concurrency token, transactions). Arrange and assert each use their own
/// context, as separate requests would, so nothing passes thanks to a shared change tracker.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public TestDatabase()
    {
        // The in-memory database lives as long as this connection stays open.
        _connection.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    /// <summary>Starts at <see cref="Build.Start"/>; every arranged step moves it a minute on.</summary>
    public FakeTimeProvider Clock { get; } = new(Build.Start);

    public SqliteChatDbContext NewContext(params IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<SqliteChatDbContext>().UseSqlite(_connection).AddInterceptors(interceptors).Options);

    public async Task<User> AddUser(string name) => await Save(db => db.Users.Add(User.Register(name, Tick())).Entity);

    public async Task<User> AddRobotUser(string name) => await Save(db => db.Users.Add(User.RegisterRobot(name, Tick())).Entity);

    public async Task<ChatSession> AddSession(User host, string room = "lounge", int maxPlayers = ChatSession.DefaultMaxPlayers, string? robot = null) =>
        await Save(db =>
        {
            // A seat holds its user: attached, the user is known to be stored already.
            db.Users.Attach(host);
            return db.Sessions.Add(ChatSession.Host(host, room, robot, maxPlayers, Tick())).Entity;
        });

    public Task Join(User user, string room) => Change(room, session => session.Join(user, Tick()), seated: user);

    public Task Leave(User user, string room) => Change(room, session => session.Leave(user.Id, Tick(), Build.First));

    /// <summary>Seats the robot and, unless told not to, lets it enter the room, as its due entrance would.</summary>
    public Task SeatRobot(User robot, string room, bool entered = true) => Change(
        room,
        session =>
        {
            var at = Tick();
            session.AddRobot(robot, at, entered ? TimeSpan.Zero : TimeSpan.FromMinutes(1));
            session.AnnounceRobot(at);
        },
        seated: robot);

    public async Task SignOut(User user)
    {
        await using var db = NewContext();
        var stored = await db.Users.SingleAsync(u => u.Id == user.Id, Ct);
        stored.SignOut(Tick());
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>Stores <paramref name="texts"/> from <paramref name="sender"/> in order, and returns them with their ids.</summary>
    public async Task<IReadOnlyList<ChatMessage>> AddMessages(User sender, string room, params IEnumerable<string> texts)
    {
        await using var db = NewContext();
        var sessionId = await db.Sessions.Where(s => s.Room == room).Select(s => s.Id).SingleAsync(Ct);
        var at = Tick();
        var messages = texts.Select(text => ChatMessage.Post(sessionId, sender.Id, sender.Username, text, at)).ToList();
        db.Messages.AddRange(messages);
        await db.SaveChangesAsync(Ct);

        // The paging tests rely on ids following the order the texts were given in.
        if (!messages.Zip(messages.Skip(1)).All(pair => pair.First.Id < pair.Second.Id))
        {
            throw new InvalidOperationException("Messages were not stored in the order given.");
        }

        return messages;
    }

    /// <summary>One chat message stored under a client id, as the send path stores it, at the room's next seq.</summary>
    public async Task<ChatMessage> AddMessageWithClientId(User sender, string room, string text, string clientMsgId)
    {
        await using var db = NewContext();
        var sessionId = await db.Sessions.Where(s => s.Room == room).Select(s => s.Id).SingleAsync(Ct);
        var seq = await db.Messages.CountAsync(m => m.SessionId == sessionId, Ct) + 1;
        var message = ChatMessage.Stored(0, sessionId, seq, sender.Id, sender.Username, text, Tick(), clientMsgId);
        db.Messages.Add(message);
        await db.SaveChangesAsync(Ct);
        return message;
    }

    public async Task<ChatSession> FindSession(string room)
    {
        await using var db = NewContext();
        return await db.Sessions.AsNoTracking().Include(s => s.Members).SingleAsync(s => s.Room == room, Ct);
    }

    public async Task<User> FindUser(int id)
    {
        await using var db = NewContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id, Ct);
    }

    public async Task<List<ChatMessage>> MessagesIn(string room)
    {
        await using var db = NewContext();
        var sessionId = await db.Sessions.Where(s => s.Room == room).Select(s => s.Id).SingleAsync(Ct);
        return await db.Messages.AsNoTracking().Where(m => m.SessionId == sessionId).OrderBy(m => m.Id).ToListAsync(Ct);
    }

    public async Task<List<string>> TextsIn(string room) => [.. (await MessagesIn(room)).Select(m => m.Text)];

    public void Dispose() => _connection.Dispose();

    private DateTimeOffset Tick()
    {
        Clock.Advance(TimeSpan.FromMinutes(1));
        return Clock.GetUtcNow();
    }

    private async Task<T> Save<T>(Func<SqliteChatDbContext, T> add)
    {
        await using var db = NewContext();
        var added = add(db);
        await db.SaveChangesAsync(Ct);
        return added;
    }

    private async Task Change(string room, Action<ChatSession> change, User? seated = null)
    {
        await using var db = NewContext();
        if (seated is not null)
        {
            db.Users.Attach(seated);
        }

        var session = await db.Sessions.Include(s => s.Members).SingleAsync(s => s.Room == room, Ct);
        change(session);
        session.ClearEvents();
        await db.SaveChangesAsync(Ct);
    }
}
