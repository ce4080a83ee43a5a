using Chat.Application.Common.Interfaces;
using Chat.Application.Sessions.HostSession;
using Chat.Domain.Messages;
using Chat.Domain.Robots;
using Chat.Domain.Users;
using NSubstitute;

namespace Chat.Application.Tests;

/// <summary>Test data that needs no database: callers and messages as the log returns them.</summary>
internal static class Build
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Chance that always draws the first option: the first human left, for a new host.</summary>
    public static readonly Random First = new Draw(0);

    /// <summary>The cookie of <paramref name="user"/>.</summary>
    public static ICurrentUser Caller(User user) => Caller(user.Id, user.Username);

    public static ICurrentUser Caller(int id, string username)
    {
        var caller = Substitute.For<ICurrentUser>();
        caller.Id.Returns(id);
        caller.Username.Returns(username);
        return caller;
    }

    /// <summary>No cookie. Set explicitly: a substitute's string would otherwise be "", not null.</summary>
    public static ICurrentUser Anonymous()
    {
        var caller = Substitute.For<ICurrentUser>();
        caller.Id.Returns((int?)null);
        caller.Username.Returns((string?)null);
        return caller;
    }

    /// <summary>A robot's pace without chance: it enters its room <see cref="Entering"/> after it sits down.</summary>
    public static readonly HumanPace Pace = HumanPace.Steady(Entering);

    public static TimeSpan Entering => TimeSpan.FromSeconds(1);

    /// <summary>Recruits robots under the given names, in turn; the last one repeats.</summary>
    public static RobotRecruiter Recruiter(IChatDbContext db, params string[] names)
    {
        var source = Substitute.For<IRobotNameSource>();
        string[] given = names.Length == 0 ? ["maya92"] : names;
        source.NextName().Returns(given[0], given[1..]);
        return new RobotRecruiter(db, source);
    }

    /// <summary>A message as the log hands it back once stored, id included.</summary>
    public static ChatMessage StoredMessage(long id, int sessionId, int senderId, string sender, string text, DateTimeOffset at, long seq = 1, string? clientMsgId = null) =>
        ChatMessage.Stored(id, sessionId, seq, senderId, sender, text, at, clientMsgId);
}

/// <summary>A chance that always draws the <paramref name="index"/>th option: the rules' random picks made predictable.</summary>
internal sealed class Draw(int index) : Random
{
    public override int Next(int maxValue) => Math.Min(index, maxValue - 1);
}
