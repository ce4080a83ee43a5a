using Chat.Domain.Games;
using Chat.Domain.Sessions;
using DomainUser = Chat.Domain.Users.User;

namespace Chat.Domain.Tests.Games;

/// <summary>A game of three humans and a robot: one minute of chat, thirty seconds of vote.</summary>
internal sealed class GameTable
{
    public static readonly GameLengths Lengths = new(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30));

    public static readonly TimeSpan RobotDelay = TimeSpan.FromSeconds(10);

    public GameTable(int humans = 3)
    {
        Alice = Build.User("alice");
        Bob = Build.User("bob");
        Carol = Build.User("carol");
        Robot = Build.Robot("maya92");
        Session = ChatSession.Host(Alice, "lounge", "eliza", humans, Build.Start, Lengths);
        Session.AddRobot(Robot, Build.Start, TimeSpan.Zero);
        Session.AnnounceRobot(Build.Start);
        Session.Join(Bob, Build.At(1));
        if (humans > 2)
        {
            Session.Join(Carol, Build.At(2));
        }

        StartedAt = humans > 2 ? Build.At(2) : Build.At(1);
        Session.ClearEvents();
    }

    public DomainUser Alice { get; }

    public DomainUser Bob { get; }

    public DomainUser Carol { get; }

    public DomainUser Robot { get; }

    public ChatSession Session { get; }

    public Game Game => Session.Game!;

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset VoteOpensAt => StartedAt + Lengths.Chat;

    public DateTimeOffset VoteEndsAt => VoteOpensAt + Lengths.Vote;

    /// <summary>The chat runs out and the vote opens; events cleared.</summary>
    public GameTable Voting()
    {
        Assert.True(Session.AdvanceGame(VoteOpensAt, RobotDelay));
        Session.ClearEvents();
        return this;
    }

    /// <summary>An instant <paramref name="seconds"/> into the vote.</summary>
    public DateTimeOffset IntoVote(int seconds) => VoteOpensAt.AddSeconds(seconds);
}
