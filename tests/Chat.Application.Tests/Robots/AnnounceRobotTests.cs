using Chat.Application.Common.DueTimes;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Robots.AnnounceRobot;
using Chat.Application.Robots.SeatRobot;
using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using NSubstitute;

namespace Chat.Application.Tests.Robots;

/// <summary>
/// A seated robot enters its room at the moment stored with its seat, as a person's page
/// connects a moment after they join: its join notice then, once, by whichever node gets
/// there first, after the <c>session_updated</c> that seated it.
/// </summary>
public sealed class AnnounceRobotTests : IDisposable
{
    private readonly TestDatabase _data = new();
    private readonly IChatBroadcaster _broadcaster = Substitute.For<IChatBroadcaster>();
    private readonly IRobotTurns _robots = Substitute.For<IRobotTurns>();

    [Fact]
    public async Task Due_BeforeTheRobotsMoment_IsNothing_AndAtItIsItsEntrance()
    {
        var (sessionId, entersAt) = await Seated();
        _data.Clock.SetUtcNow(entersAt - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await Due());

        _data.Clock.SetUtcNow(entersAt);

        Assert.Equal(new AnnounceRobot(sessionId), Assert.Single(await Due()));
    }

    [Fact]
    public async Task Announce_WhenDue_PostsTheJoinNotice_AfterTheSeatWasAnnounced_LikeAPersonsFirstHubJoin()
    {
        var (sessionId, entersAt) = await Seated();
        _data.Clock.SetUtcNow(entersAt);

        Assert.True(await Announce(sessionId));

        var notice = Assert.Single(await _data.MessagesIn("lounge"));
        Assert.Equal(("maya92 has joined the room.", Username.Server, MessageKind.System, entersAt), (notice.Text, notice.Sender, notice.Kind, notice.Timestamp));
        Received.InOrder(async () =>
        {
            await _broadcaster.SessionUpdated(Arg.Is<SessionDto>(s => s.Players.Contains("maya92")), Arg.Any<CancellationToken>());
            await _broadcaster.MessagePosted(Arg.Is<MessageDto>(m => m.Message == "maya92 has joined the room." && m.Kind == MessageKind.System), Arg.Any<CancellationToken>());
        });

        // As for a person's first hub join: the notice alone, no other change to tell.
        await _broadcaster.Received(1).SessionUpdated(Arg.Any<SessionDto>(), Arg.Any<CancellationToken>());

        // In the room, it reads what was said before it came.
        _robots.Received(1).RobotEntered(sessionId);
        Assert.Equal(entersAt, Assert.Single((await _data.FindSession("lounge")).Members, m => m.IsRobot).AnnouncedAt);
        Assert.Empty(await Due());
    }

    [Fact]
    public async Task Announce_BeforeItsMoment_OrAgain_PostsNothingMore()
    {
        var (sessionId, entersAt) = await Seated();
        _data.Clock.SetUtcNow(entersAt - TimeSpan.FromMilliseconds(1));
        Assert.False(await Announce(sessionId));
        Assert.Empty(await _data.MessagesIn("lounge"));

        _data.Clock.SetUtcNow(entersAt);
        Assert.True(await Announce(sessionId));
        Assert.False(await Announce(sessionId));
        Assert.False(await Announce(404));

        Assert.Single(await _data.MessagesIn("lounge"));
        _robots.Received(1).RobotEntered(sessionId);
    }

    [Fact]
    public async Task Announce_RacingAnotherNode_PostsTheNoticeOnce()
    {
        var (sessionId, entersAt) = await Seated();
        _data.Clock.SetUtcNow(entersAt);
        var otherPosted = false;
        await using var use = new UseCase(_data, _broadcaster, new CompetingRequest(async () => otherPosted = await Announce(sessionId)));

        var posted = await use.Run(new AnnounceRobotHandler(use.Db, use.Committer, _robots, _data.Clock), new AnnounceRobot(sessionId));

        Assert.True(otherPosted);
        Assert.False(posted);
        Assert.Equal(["maya92 has joined the room."], await _data.TextsIn("lounge"));
    }

    [Fact]
    public async Task Due_ForARobotWhoseSessionEndedBeforeItEntered_IsNothing()
    {
        var (_, entersAt) = await Seated();
        var alice = await _data.FindUser((await _data.FindSession("lounge")).HostId);
        await _data.Leave(alice, "lounge");
        _data.Clock.SetUtcNow(entersAt + TimeSpan.FromMinutes(5));

        Assert.Empty(await Due());
    }

    public void Dispose() => _data.Dispose();

    /// <summary>Alice's session, whose robot maya92 has just sat down; its id and when the robot enters.</summary>
    private async Task<(int SessionId, DateTimeOffset EntersAt)> Seated()
    {
        var session = await _data.AddSession(await _data.AddUser("alice"), "lounge", robot: "eliza");
        await using var use = new UseCase(_data, _broadcaster);
        var now = _data.Clock.GetUtcNow();
        Assert.True(await use.Run(
            new SeatRobotHandler(use.Db, use.Committer, Build.Recruiter(use.Db, "maya92"), _robots, Build.Pace, _data.Clock),
            new SeatRobot(session.Id)));
        return (session.Id, now + Build.Entering);
    }

    private async Task<IReadOnlyList<Mediator.ICommand<bool>>> Due()
    {
        await using var db = _data.NewContext();
        return await new FindDueWorkHandler([new DueRobotEntrances(db)], _data.Clock).Handle(new FindDueWork(), Ct);
    }

    private async Task<bool> Announce(int sessionId)
    {
        await using var use = new UseCase(_data, _broadcaster);
        return await use.Run(new AnnounceRobotHandler(use.Db, use.Committer, _robots, _data.Clock), new AnnounceRobot(sessionId));
    }
}
