using System.Text.Json;
using System.Text.RegularExpressions;

namespace Chat.Web.Tests.Robots;

/// <summary>
/// A session's robot through the real HTTP and hub surface: seated as a player no
/// listing tells apart, answering in the room like a player, gone with the last human.
/// </summary>
public sealed partial class RobotParticipantTests(RobotApp app) : IClassFixture<RobotApp>, IAsyncDisposable
{
    private static int _next;
    private readonly List<Player> _players = [];

    [Fact]
    public async Task Hosting_WithARobot_SeatsItAsAnOrdinaryPlayer_ThatTakesNoHumanPlace()
    {
        var room = Unique("lounge");
        var alice = await SignUp("alice");
        await alice.Host(room, "eliza", maxPlayersAllowed: 2);

        var session = (await alice.ListedSession(room))!.Value;
        Assert.Equal("pending", session.GetProperty("state").GetString());
        Assert.Equal("eliza", session.GetProperty("robot").GetString());
        var robot = Assert.Single(Players(session), p => p != alice.Username);
        Assert.Matches(Username(), robot);
        Assert.NotEqual("server", robot.ToLowerInvariant());

        var users = await alice.ListedUsers();
        var aliceEntry = Assert.Single(users, u => u.GetProperty("username").GetString() == alice.Username);
        var robotEntry = Assert.Single(users, u => u.GetProperty("username").GetString() == robot);
        Assert.Equal(Members(aliceEntry), Members(robotEntry));
        Assert.Equal("active", robotEntry.GetProperty("state").GetString());
        Assert.Equal(session.GetProperty("id").GetInt32(), robotEntry.GetProperty("session_id").GetInt32());

        var bob = await SignUp("bob");
        await bob.Join(room);
        var started = (await bob.ListedSession(room))!.Value;
        Assert.Equal("active", started.GetProperty("state").GetString());
        Assert.Equal([alice.Username, robot, bob.Username], Players(started));
    }

    [Fact]
    public async Task OfflineRobot_AnswersAPlayer_WithAnOrdinaryMessage_KeptInTheHistory()
    {
        var room = await FilledRoom("eliza");

        var said = await room.Alice.Say(room.Name, "hi everyone, how is your day going?");
        var reply = await room.Bob.NextMessage(m => m.GetProperty("from").GetString() == room.Robot);

        Assert.Equal("chat", reply.GetProperty("kind").GetString());
        Assert.Equal(room.Name, reply.GetProperty("room").GetString());
        Assert.Equal(Members(said), Members(reply));
        Assert.True(reply.GetProperty("id").GetInt64() > said.GetProperty("id").GetInt64());
        Assert.False(string.IsNullOrWhiteSpace(reply.GetProperty("message").GetString()));
        var (names, users) = (Players((await room.Bob.ListedSession(room.Name))!.Value), await room.Bob.ListedUsers());
        Assert.Contains(room.Robot, names);
        Assert.Contains(users, u => u.GetProperty("username").GetString() == room.Robot);

        var stored = Assert.Single(await room.Bob.History(room.Name), m => m.GetProperty("id").GetInt64() == reply.GetProperty("id").GetInt64());
        Assert.Equal(reply.ToString(), stored.ToString());
    }

    [Fact]
    public async Task Robot_LeavesWithTheLastHuman_AndIsNoLongerListedAsAUser()
    {
        var room = await FilledRoom("eliza");
        Assert.Contains(await room.Alice.ListedUsers(), u => u.GetProperty("username").GetString() == room.Robot);

        await room.Alice.Leave();
        await room.Bob.Leave();

        Assert.DoesNotContain(await room.Bob.ListedUsers(), u => u.GetProperty("username").GetString() == room.Robot);
        Assert.Null(await room.Bob.ListedSession(room.Name));
        Assert.Contains(await room.Bob.History(room.Name), m => m.GetProperty("message").GetString() == $"{room.Robot} has left the room.");
    }

    [Fact]
    public async Task OpenAICompatibleRobot_AnswersThroughItsEndpoint_LikeAPlayer()
    {
        var room = await FilledRoom("stubby");

        await room.Alice.Say(room.Name, "anyone up for a game?");
        var reply = await room.Bob.NextMessage(m => m.GetProperty("from").GetString() == room.Robot);

        Assert.Equal(RobotApp.StubReply, reply.GetProperty("message").GetString());
        Assert.Equal("chat", reply.GetProperty("kind").GetString());
        Assert.Contains(await room.Alice.History(room.Name), m => m.GetProperty("id").GetInt64() == reply.GetProperty("id").GetInt64());
        var asked = Assert.Single(app.AnsweringRequests, r => r.Messages.Count > 0 && r.Messages[^1].Content == $"{room.Alice.Username}: anyone up for a game?");
        Assert.Equal(RobotApp.StubProviderModel, asked.Model);
        Assert.Equal("system", asked.Messages[0].Role);
        Assert.Contains($"You are {room.Robot}", asked.Messages[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingModel_LeavesTheRobotSilent_AndThePlayersKeepChatting()
    {
        var room = await FilledRoom("broken");

        await room.Alice.Say(room.Name, "hello? anyone?");
        var logged = await Eventually(() => app.Log.Entries.FirstOrDefault(e =>
            e.Message.Contains($"session {room.SessionId} ", StringComparison.Ordinal) && e.Message.Contains("broken", StringComparison.Ordinal)).Message);
        Assert.Contains("stays silent", logged, StringComparison.Ordinal);
        Assert.Contains(app.FailingRequests, r => r.Messages.Count > 0 && r.Messages[^1].Content == $"{room.Alice.Username}: hello? anyone?");

        await room.Bob.Say(room.Name, "still here");
        await room.Alice.NextMessage(m => m.GetProperty("message").GetString() == "still here");

        Assert.DoesNotContain(await room.Alice.History(room.Name), m =>
            m.GetProperty("from").GetString() == room.Robot && m.GetProperty("kind").GetString() == "chat");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var player in _players)
        {
            await player.DisposeAsync();
        }
    }

    private static string Unique(string stem) => $"{stem}{Interlocked.Increment(ref _next)}";

    private static string[] Players(JsonElement session) => [.. session.GetProperty("players").EnumerateArray().Select(p => p.GetString()!)];

    private static string[] Members(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    /// <summary>Waits for a value the server produces in the background; fails after <see cref="Player.Patience"/>.</summary>
    private static async Task<T> Eventually<T>(Func<T?> probe)
    {
        var deadline = DateTime.UtcNow + Player.Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"Nothing came within {Player.Patience.TotalSeconds} s.");
    }

    private async Task<Player> SignUp(string stem)
    {
        var player = app.NewPlayer();
        _players.Add(player);
        await player.Register(Unique(stem));
        return player;
    }

    /// <summary>Alice hosts with the robot, Bob fills the last human place, and both are in the room.</summary>
    private async Task<Room> FilledRoom(string robot)
    {
        var name = Unique("room");
        var alice = await SignUp("alice");
        await alice.Host(name, robot, maxPlayersAllowed: 2);
        var bob = await SignUp("bob");
        await bob.Join(name);
        await alice.Enter(name);
        await bob.Enter(name);

        var session = (await alice.ListedSession(name))!.Value;
        var robotName = Assert.Single(Players(session), p => p != alice.Username && p != bob.Username);
        return new Room(name, session.GetProperty("id").GetInt32(), alice, bob, robotName);
    }

    private sealed record Room(string Name, int SessionId, Player Alice, Player Bob, string Robot);

    [GeneratedRegex(@"^[\p{L}\p{N}]{1,30}$")]
    private static partial Regex Username();
}
