using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Chat.Domain.Users;

namespace Chat.Infrastructure.Tests.Persistence.Builders;

/// <summary>Test data with sensible defaults; a test names only what it is about.</summary>
internal static class Build
{
    /// <summary>A fixed UTC instant: PostgreSQL stores only UTC offsets.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 15, 0, TimeSpan.Zero);

    public static User User(string name) => Domain.Users.User.Register(name, Now);

    public static IReadOnlyList<User> Users(string prefix, int count) =>
        [.. Enumerable.Range(1, count).Select(i => User($"{prefix}{i}"))];

    public static SessionBuilder SessionHostedBy(User host) => new(host);

    public static ChatMessage Message(ChatSession session, User sender, string text) =>
        ChatMessage.Post(session.Id, sender.Id, sender.Username, text, Now);
}

internal sealed class SessionBuilder(User host)
{
    private string _room = "lounge";
    private int _maxPlayers = ChatSession.DefaultMaxPlayers;

    public SessionBuilder InRoom(string room)
    {
        _room = room;
        return this;
    }

    public SessionBuilder ForPlayers(int maxPlayers)
    {
        _maxPlayers = maxPlayers;
        return this;
    }

    public ChatSession Build() => ChatSession.Host(host, _room, robot: null, _maxPlayers, Builders.Build.Now);
}
