using System.Globalization;
using System.Text.Json;
using Chat.Domain.Robots;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Robots;

/// <summary>
/// The robot's join notice, timed and ordered as a person's: a person's seat reaches the
/// room as <c>session_updated</c> (their REST join), and their notice follows when their
/// page connects. The robot's follows the <c>session_updated</c> that seats it by a
/// moment of its own, never comes with it, and is heard in seq order like every notice.
/// </summary>
public sealed class RobotEntranceTests(PacedRobotApp app) : IClassFixture<PacedRobotApp>
{
    private const string Joined = " has joined the room.";

    [Fact]
    public async Task InAPendingGame_TheRobotsNotice_FollowsTheSessionUpdatedThatSeatsIt()
    {
        var room = Unique.Room();
        var host = await app.SignUp(Unique.Name("amir"));
        await host.Host(room, maxPlayersAllowed: 3, robot: "eliza");
        var hostLine = await host.Enter(room);

        var notice = await hostLine.NextMessage(m => IsJoinNotice(m) && JoinerIn(m) != host.Username);

        var robot = JoinerIn(notice);
        var events = hostLine.AllEvents;
        var seated = events.ToList().FindIndex(e => e.Name == "session_updated" && e.Payload.GetProperty("players").Strings().Contains(robot));
        var announced = events.ToList().FindIndex(e => e.Name == "message" && e.Payload.Str("message") == robot + Joined);
        Assert.True(seated >= 0, "the room never heard the robot's seat");
        Assert.True(seated < announced, "the robot's join notice came before the session_updated that seated it");
        AssertInSeqOrder(hostLine);
    }

    [Fact]
    public async Task WhenTheLastPlaceIsTakenBeforeTheRobotSat_ItsNoticeComesAMomentAfterTheStart_NotWithIt_AndInSeqOrder()
    {
        var room = Unique.Room();
        var host = await app.SignUp(Unique.Name("bella"));
        var guest = await app.SignUp(Unique.Name("chen"));
        await host.Host(room, maxPlayersAllowed: 2, robot: "eliza");
        var hostLine = await host.Enter(room);

        // The guest takes the last place at once, before the robot has come, and connects later.
        await guest.Join(room);
        var notice = await hostLine.NextMessage(m => IsJoinNotice(m) && JoinerIn(m) != guest.Username && JoinerIn(m) != host.Username);
        var guestLine = await guest.Enter(room);

        var started = hostLine.AllMessages.Single(m => m.Str("message") == "The session has started.");
        Assert.True(notice.LongNumber("seq") > started.LongNumber("seq"));
        var gap = Instant(notice) - Instant(started);
        Assert.True(
            gap >= PacedRobotApp.ReplyDelay * HumanPace.EnteringLeast * 0.9,
            $"the robot's join notice was posted {gap.TotalMilliseconds} ms after the session started, as if with its seat");
        var robot = JoinerIn(notice);
        Assert.Contains(robot, (await Sessions.Find(app, room)).GetProperty("players").Strings());
        AssertInSeqOrder(hostLine);
        AssertInSeqOrder(guestLine);
    }

    /// <summary>Every message a connection heard came in seq order: no false gap for a client to fill.</summary>
    private static void AssertInSeqOrder(RoomConnection line)
    {
        var seqs = line.AllMessages.Select(m => m.LongNumber("seq")).ToList();
        Assert.Equal(seqs.Order(), seqs);
    }

    private static DateTimeOffset Instant(JsonElement message) =>
        DateTimeOffset.Parse(message.Str("timestamp"), CultureInfo.InvariantCulture);

    private static bool IsJoinNotice(JsonElement message) =>
        message.Str("kind") == "system" && message.Str("message").EndsWith(Joined, StringComparison.Ordinal);

    private static string JoinerIn(JsonElement notice) => notice.Str("message")[..^Joined.Length];
}
