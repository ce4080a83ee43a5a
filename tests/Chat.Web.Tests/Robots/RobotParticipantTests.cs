using System.Text.Json;
using System.Text.RegularExpressions;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Robots;

/// <summary>
/// A session's robot through the real HTTP and hub surface: seated as a player no
/// listing tells apart, answering in the room like a player, gone with the last human.
/// </summary>
public sealed partial class RobotParticipantTests(RobotApp app) : IClassFixture<RobotApp>
{
    /// <summary>
    /// Longer than <see cref="RoomConnection.Patience"/>: a robot's first turn in a
    /// process pays for loading the model client, which a busy machine makes slow.
    /// </summary>
    private static readonly TimeSpan ReplyPatience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Hosting_WithARobot_SeatsItAfterTheHostEnters_AsAnOrdinaryPlayer_ThatTakesNoHumanPlace()
    {
        var room = Unique.Room();
        var alice = await app.SignUp(Unique.Name("alice"));
        await alice.Host(room, maxPlayersAllowed: 2, robot: "eliza");

        // Not before its host: a robot already seated when the host arrives would give itself away.
        var hosted = await ListedSession(alice, room);
        Assert.Equal("eliza", hosted.Str("robot"));
        Assert.Equal([alice.Username], hosted.GetProperty("players").Strings());

        var aliceLine = await alice.Enter(room);
        var joined = await aliceLine.NextMessage(m => m.Str("kind") == "system" && m.Str("message").EndsWith(" has joined the room.", StringComparison.Ordinal));
        var robot = joined.Str("message")[..^" has joined the room.".Length];
        Assert.NotEqual(alice.Username, robot);
        Assert.Matches(UsernameRule(), robot);
        Assert.NotEqual("server", robot.ToLowerInvariant());

        var session = await ListedSession(alice, room);
        Assert.Equal("pending", session.Str("state"));
        Assert.Equal([alice.Username, robot], session.GetProperty("players").Strings());

        var users = await ListedUsers(alice);
        var aliceEntry = Assert.Single(users, u => u.Str("username") == alice.Username);
        var robotEntry = Assert.Single(users, u => u.Str("username") == robot);
        Assert.Equal(aliceEntry.Members(), robotEntry.Members());
        Assert.Equal("active", robotEntry.Str("state"));
        Assert.Equal(session.Number("id"), robotEntry.Number("session_id"));

        var bob = await app.SignUp(Unique.Name("bob"));
        await bob.Join(room);
        var started = await ListedSession(bob, room);
        Assert.Equal("active", started.Str("state"));
        Assert.Equal([alice.Username, robot, bob.Username], started.GetProperty("players").Strings());
    }

    [Fact]
    public async Task OfflineRobot_AnswersAPlayer_WithAnOrdinaryMessage_KeptInTheHistory()
    {
        var room = await FilledRoom("eliza");

        var said = await room.AliceLine.Say(room.Name, "hi everyone, how is your day going?");
        var reply = await ReplyFrom(room.Robot, room.BobLine);

        Assert.Equal("chat", reply.Str("kind"));
        Assert.Equal(room.Name, reply.Str("room"));
        Assert.Equal(said.Members(), reply.Members());
        Assert.True(reply.LongNumber("id") > said.LongNumber("id"));
        Assert.False(string.IsNullOrWhiteSpace(reply.Str("message")));
        Assert.Contains(room.Robot, (await ListedSession(room.Bob, room.Name)).GetProperty("players").Strings());
        Assert.Contains(await ListedUsers(room.Bob), u => u.Str("username") == room.Robot);

        var stored = Assert.Single(await room.Bob.History(room.Name), m => m.LongNumber("id") == reply.LongNumber("id"));
        Assert.Equal(reply.GetRawText(), stored.GetRawText());
    }

    [Fact]
    public async Task Robot_LeavesWhenItsGameEnds_AndIsNoLongerListedAsAUser()
    {
        var room = await FilledRoom("eliza");
        Assert.Contains(await ListedUsers(room.Alice), u => u.Str("username") == room.Robot);

        // Two humans and a robot are a game: with one human left it is over at once, and the session with it.
        await room.Alice.Leave();

        Assert.Equal("waiting", (await room.Bob.Me()).Str("state"));
        Assert.DoesNotContain(await ListedUsers(room.Bob), u => u.Str("username") == room.Robot);
        Assert.DoesNotContain(await ListedRooms(room.Bob), r => r == room.Name);
        Assert.Contains(await room.Bob.History(room.Name), m => m.Str("message") == $"{room.Robot} has left the room.");
    }

    [Fact]
    public async Task OpenAICompatibleRobot_AnswersThroughItsEndpoint_LikeAPlayer()
    {
        var room = await FilledRoom("stubby");

        await room.AliceLine.Say(room.Name, "anyone up for a game?");
        var reply = await ReplyFrom(room.Robot, room.BobLine);

        Assert.Equal(RobotApp.StubReply, reply.Str("message"));
        Assert.Equal("chat", reply.Str("kind"));
        Assert.Contains(await room.Alice.History(room.Name), m => m.LongNumber("id") == reply.LongNumber("id"));
        var asked = Assert.Single(app.AnsweringRequests, r => r.Messages.Count > 0 && r.Messages[^1].Content == $"{room.Alice.Username}: anyone up for a game?");
        Assert.Equal(RobotApp.StubProviderModel, asked.Model);
        Assert.Equal("system", asked.Messages[0].Role);
        Assert.Contains($"You are {room.Robot}", asked.Messages[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingModel_LeavesTheRobotSilent_AndThePlayersKeepChatting()
    {
        var room = await FilledRoom("broken");

        await room.AliceLine.Say(room.Name, "hello? anyone?");
        bool IsTheFailure(ServerLog.Entry e) =>
            e.Text.Contains($"session {room.SessionId} ", StringComparison.Ordinal) && e.Text.Contains("broken", StringComparison.Ordinal);
        await Eventually(() => app.Log.Entries.Any(IsTheFailure));
        Assert.Contains("stays silent", app.Log.Entries.First(IsTheFailure).Text, StringComparison.Ordinal);
        Assert.Contains(app.FailingRequests, r => r.Messages.Count > 0 && r.Messages[^1].Content == $"{room.Alice.Username}: hello? anyone?");

        await room.BobLine.Say(room.Name, "still here");
        await room.AliceLine.NextMessageSaying("still here");

        Assert.DoesNotContain(await room.Alice.History(room.Name), m => m.Str("from") == room.Robot && m.Str("kind") == "chat");
    }

    private static async Task<JsonElement> ListedSession(ChatClient client, string room)
    {
        var lists = await Wire.Ok(await client.Get("/api/lobby/sessions"));
        return Assert.Single(lists.GetProperty("pending_sessions").Items().Concat(lists.GetProperty("active_sessions").Items()), s => s.Str("room") == room);
    }

    private static async Task<string[]> ListedRooms(ChatClient client)
    {
        var lists = await Wire.Ok(await client.Get("/api/lobby/sessions"));
        return [.. lists.GetProperty("pending_sessions").Items().Concat(lists.GetProperty("active_sessions").Items()).Select(s => s.Str("room"))];
    }

    private static async Task<JsonElement[]> ListedUsers(ChatClient client) =>
        (await Wire.Ok(await client.Get("/api/lobby/users"))).GetProperty("users").Items();

    private static async Task<JsonElement> ReplyFrom(string robot, RoomConnection line)
    {
        bool IsReply(JsonElement m) => m.Str("from") == robot && m.Str("kind") == "chat";
        await Eventually(() => line.AllMessages.Any(IsReply));
        return line.AllMessages.First(IsReply);
    }

    /// <summary>Waits for what the server does in the background; fails after <see cref="ReplyPatience"/>.</summary>
    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + ReplyPatience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Nothing came within {ReplyPatience.TotalSeconds} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Alice hosts with the robot, Bob fills the last human place, and both are in the room.</summary>
    private async Task<FilledSession> FilledRoom(string robot)
    {
        var name = Unique.Room();
        var alice = await app.SignUp(Unique.Name("alice"));
        await alice.Host(name, maxPlayersAllowed: 2, robot: robot);
        var bob = await app.SignUp(Unique.Name("bob"));
        await bob.Join(name);
        var aliceLine = await alice.Enter(name);
        var bobLine = await bob.Enter(name);

        // The robot sits down a moment after the first person enters.
        var session = await ListedSession(alice, name);
        var deadline = DateTime.UtcNow + ReplyPatience;
        while (session.GetProperty("players").GetArrayLength() < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TestContext.Current.CancellationToken);
            session = await ListedSession(alice, name);
        }

        var robotName = Assert.Single(session.GetProperty("players").Strings(), p => p != alice.Username && p != bob.Username);
        return new FilledSession(name, session.Number("id"), alice, aliceLine, bob, bobLine, robotName);
    }

    private sealed record FilledSession(string Name, int SessionId, ChatClient Alice, RoomConnection AliceLine, ChatClient Bob, RoomConnection BobLine, string Robot);

    [GeneratedRegex(@"^[\p{L}\p{N}]{1,30}$")]
    private static partial Regex UsernameRule();
}
