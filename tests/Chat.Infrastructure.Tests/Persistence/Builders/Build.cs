using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Chat.Domain.Users;

namespace Chat.Infrastructure.Tests.Persistence.Builders;

/// <summary>
/// Test data with sensible defaults, in the shape of the domain and application tests'
/// <c>Build</c>: a fixed <see cref="Start"/>, one method per thing, optional parameters
/// for what a test is about.
/// </summary>
internal static class Build
{
    /// <summary>A fixed UTC instant: PostgreSQL stores only UTC offsets.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 15, 0, TimeSpan.Zero);

    public static User User(string name) => Domain.Users.User.Register(name, Start);

    public static IReadOnlyList<User> Users(string prefix, int count) =>
        [.. Enumerable.Range(1, count).Select(i => User($"{prefix}{i}"))];

    /// <summary>A session hosted by <paramref name="host"/> at <see cref="Start"/>, not yet stored.</summary>
    public static ChatSession Session(User host, string room = "lounge", int maxPlayers = ChatSession.DefaultMaxPlayers) =>
        ChatSession.Host(host, room, robot: null, maxPlayers, Start);

    public static ChatMessage Message(ChatSession session, User sender, string text) =>
        ChatMessage.Post(session.Id, sender.Id, sender.Username, text, Start);
}
