using Chat.Domain.Sessions;
using DomainUser = Chat.Domain.Users.User;

namespace Chat.Domain.Tests;

/// <summary>Test data for the domain: users with ids, sessions with players, instants a minute apart.</summary>
internal static class Build
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static int _lastId;

    /// <summary>An instant <paramref name="minutes"/> after <see cref="Start"/>, so join order is explicit.</summary>
    public static DateTimeOffset At(int minutes) => Start.AddMinutes(minutes);

    /// <summary>Chance that always draws the first option: the first human left, for a new host.</summary>
    public static readonly Random First = new Draw(0);

    public static DomainUser User(string name) => WithNewId(DomainUser.Register(name, Start));

    public static DomainUser Robot(string name = "eliza") => WithNewId(DomainUser.RegisterRobot(name, Start));

    /// <summary>
    /// A session hosted by <paramref name="host"/> at <see cref="Start"/>, joined by
    /// <paramref name="others"/> a minute apart, with its events cleared as if just loaded.
    /// </summary>
    public static ChatSession Session(
        DomainUser host,
        string room = "lounge",
        int maxPlayers = ChatSession.DefaultMaxPlayers,
        string? robot = null,
        params DomainUser[] others)
    {
        var session = ChatSession.Host(host, room, robot, maxPlayers, Start);
        for (var i = 0; i < others.Length; i++)
        {
            session.Join(others[i], At(i + 1));
        }

        session.ClearEvents();
        return session;
    }

    public static string[] PlayerNames(this ChatSession session) => [.. session.Players.Select(p => p.Username)];

    // Ids are the database's to give; without one every user would be user 0.
    private static DomainUser WithNewId(DomainUser user)
    {
        typeof(DomainUser).GetProperty(nameof(DomainUser.Id))!.SetValue(user, Interlocked.Increment(ref _lastId));
        return user;
    }
}

/// <summary>A chance that always draws the <paramref name="index"/>th option: the rules' random picks made predictable.</summary>
internal sealed class Draw(int index) : Random
{
    public override int Next(int maxValue) => Math.Min(index, maxValue - 1);
}
