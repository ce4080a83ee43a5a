using Chat.Application.Common.DueTimes;
using Chat.Application.Common.Interfaces;
using Chat.Application.Games.AdvanceGame;
using Chat.Application.Games.CastRobotVote;
using Chat.Application.Games.CastVote;
using Chat.Domain.Games;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Tests.Games;

/// <summary>
/// A game in the test database: alice, bob and carol with the robot maya92, a minute
/// of chat and thirty seconds of vote, started at <see cref="StartedAt"/>. Each use
/// case runs as its own request (<see cref="UseCase"/>), as on a node after a restart.
/// </summary>
internal sealed class GameData(TestDatabase data, IChatBroadcaster broadcaster)
{
    public const string Room = "lounge";
    public const string RobotName = "maya92";

    public static readonly GameLengths Lengths = new(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30));

    public User Alice { get; private set; } = null!;

    public User Bob { get; private set; } = null!;

    public User Carol { get; private set; } = null!;

    public User Robot { get; private set; } = null!;

    public DateTimeOffset StartedAt { get; private set; }

    public TestDatabase Data => data;

    public async Task<GameData> Started(int humans = 3)
    {
        Alice = await data.AddUser("alice");
        Bob = await data.AddUser("bob");
        Carol = await data.AddUser("carol");
        Robot = await data.AddRobotUser(RobotName);
        StartedAt = data.Clock.GetUtcNow();
        await using var db = data.NewContext();
        db.Users.AttachRange(Alice, Bob, Carol, Robot);
        var session = ChatSession.Host(Alice, Room, "eliza", humans, StartedAt, Lengths);
        session.AddRobot(Robot, StartedAt, TimeSpan.Zero);
        session.AnnounceRobot(StartedAt);
        session.Join(Bob, StartedAt);
        if (humans > 2)
        {
            session.Join(Carol, StartedAt);
        }

        session.ClearEvents();
        db.Sessions.Add(session);
        await db.SaveChangesAsync(Ct);
        return this;
    }

    /// <summary>Moves the clock to <paramref name="offset"/> after the start.</summary>
    public void At(TimeSpan offset) => data.Clock.SetUtcNow(StartedAt + offset);

    public static TimeSpan VoteOpens => Lengths.Chat;

    public static TimeSpan VoteEnds => Lengths.Chat + Lengths.Vote;

    /// <summary>The commands a sweeper would run now.</summary>
    public async Task<IReadOnlyList<ICommand<bool>>> Due()
    {
        await using var db = data.NewContext();
        return await new FindDueWorkHandler([new DueGames(db)], data.Clock).Handle(new FindDueWork(), Ct);
    }

    /// <summary>Runs each due command as a sweeper does, each as its own request; returns how many changed something.</summary>
    public async Task<int> Sweep()
    {
        var changed = 0;
        foreach (var command in await Due())
        {
            changed += await Run(command) ? 1 : 0;
        }

        return changed;
    }

    public async Task<bool> Run(ICommand<bool> command)
    {
        await using var use = new UseCase(data, broadcaster);
        return command switch
        {
            AdvanceGame advance => await use.Run(new AdvanceGameHandler(use.Db, use.Committer, data.Clock), advance),
            CastRobotVote ballot => await use.Run(new CastRobotVoteHandler(use.Db, use.Committer, data.Clock), ballot),
            _ => throw new InvalidOperationException($"Unknown due command {command}"),
        };
    }

    public async Task<Common.Models.GameDto> Vote(User voter, string suspect, string room = Room)
    {
        await using var use = new UseCase(data, broadcaster);
        return await use.Run(new CastVoteHandler(use.Db, Build.Caller(voter), use.Committer, data.Clock), new CastVote(room, suspect));
    }

    public async Task<Game> Game()
    {
        await using var db = data.NewContext();
        return (await db.Sessions.AsNoTracking().SingleAsync(s => s.Room == Room, Ct)).Game!;
    }

    public async Task<SessionState> State()
    {
        await using var db = data.NewContext();
        return await db.Sessions.Where(s => s.Room == Room).Select(s => s.State).SingleAsync(Ct);
    }
}
