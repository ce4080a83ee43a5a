using System.Diagnostics;
using System.Text.Json;
using Chat.Domain.Robots;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Robots;

/// <summary>
/// Everything a player can observe of a robot session, compared with what they
/// observe of the people in it: the join notices (order, timing, shape), the
/// <c>players</c> order, <c>/api/lobby/users</c>, presence, <c>typing</c> before each
/// message, the delays of its replies over many turns, and every field of every
/// object. None may tell the robot apart before the game is over. (The game's own
/// objects, votes and <c>game_updated</c> are covered where the game is built.)
/// </summary>
public sealed class DisguiseTests(PacedRobotApp app) : IClassFixture<PacedRobotApp>
{
    private const string Joined = " has joined the room.";
    /// <summary>
    /// The robot is second in <c>players</c> when it sits down before the guest, and half
    /// the time when it sits down with them: about 5 games in 8 with the guest a quarter
    /// into its window, so 12 games all alike happen about once in 300 runs.
    /// </summary>
    private const int Games = 12;
    private const int Turns = 8;

    /// <summary>Stems spread over the alphabet, as people's names are, so a listing by name is a fair test.</summary>
    private static readonly string[] PeoplesNames = ["amir", "bella", "chen", "dora", "emil", "fatou", "gus", "hana", "ivo", "juno", "kofi", "lena", "mona", "nils", "olga", "pia", "quin", "rafa", "sol", "tess", "uma", "vik", "wren", "xia", "yara", "zeno"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AcrossGames_TheRobotArrivesAfterItsHost_LikeAPerson_AndItsPlaceInPlayersAndUsersIsNotFixed()
    {
        var placesInPlayers = new List<int>();
        var placesInUsers = new List<int>();
        for (var game = 0; game < Games; game++)
        {
            var room = Unique.Room();
            var host = await app.SignUp(Unique.Name(PeoplesNames[(game * 7) % PeoplesNames.Length]));
            var guest = await app.SignUp(Unique.Name(PeoplesNames[((game * 7) + 13) % PeoplesNames.Length]));
            await host.Host(room, maxPlayersAllowed: 2, robot: "eliza");
            var hostLine = await host.Enter(room);
            var entered = Stopwatch.StartNew();

            // The guest comes in while the robot might: a quarter into its window, so before it mostly.
            await Task.Delay(PacedRobotApp.ReplyDelay * (HumanPace.ArrivalLeast + ((HumanPace.ArrivalMost - HumanPace.ArrivalLeast) / 4)), Ct);
            await guest.Join(room);
            var guestLine = await guest.Enter(room);

            var robotNotice = await hostLine.NextMessage(m => IsJoinNotice(m) && JoinerIn(m) != guest.Username);
            var arrivedAfter = entered.Elapsed;
            var robot = JoinerIn(robotNotice);
            var history = await host.History(room);
            var guestNotice = history.Single(m => m.Str("message") == guest.Username + Joined);
            var hostNotice = history.Single(m => m.Str("message") == host.Username + Joined);

            // The robot's notice reads and is shaped like a person's, and comes after its host's, never at once.
            Assert.True(robotNotice.LongNumber("id") > hostNotice.LongNumber("id"), "the robot's join notice came before its host's");
            Assert.True(arrivedAfter >= PacedRobotApp.ReplyDelay * HumanPace.ArrivalLeast * 0.9, $"the robot sat down {arrivedAfter.TotalMilliseconds} ms after its host entered");
            Assert.Equal(hostNotice.Members(), robotNotice.Members());
            Assert.Equal((hostNotice.Str("from"), hostNotice.Str("kind")), (robotNotice.Str("from"), robotNotice.Str("kind")));
            Assert.Equal(guestNotice.Members(), robotNotice.Members());

            var session = await Sessions.Find(app, room);
            var players = session.GetProperty("players").Strings();
            Assert.Equal(3, players.Length);
            Assert.Equal(host.Username, players[0]);
            placesInPlayers.Add(Array.IndexOf(players, robot));

            var users = await Sessions.Users(app);
            var ours = users.Where(u => !u.IsNull("session_id") && u.Number("session_id") == session.Number("id")).ToArray();
            Assert.Equal(3, ours.Length);
            Assert.All(ours, u => Assert.Equal(ours[0].Members(), u.Members()));
            Assert.All(ours, u => Assert.Equal("active", u.Str("state")));
            placesInUsers.Add(Array.FindIndex(ours, u => u.Str("username") == robot));

            // The host leaving ends the game (one person is left), which frees the guest's seat too.
            await host.Leave();
            await hostLine.DisposeAsync();
            await guestLine.DisposeAsync();
        }

        Assert.True(placesInPlayers.Distinct().Count() > 1, $"the robot took the same place in players every game: {string.Join(", ", placesInPlayers)}");
        Assert.True(placesInUsers.Distinct().Count() > 1, $"the robot took the same place in the users listing every game: {string.Join(", ", placesInUsers)}");
    }

    [Fact]
    public async Task OverAConversation_TheRobotTypesBeforeEachMessage_AndItsRepliesTakeAPersonsVaryingTime()
    {
        var room = Unique.Room();
        var alice = await app.SignUp(Unique.Name("alice"));
        await alice.Host(room, maxPlayersAllowed: 1, robot: "eliza");
        var line = await alice.Enter(room);
        var robotNotice = await line.NextMessage(IsJoinNotice);
        var robot = JoinerIn(robotNotice);

        string[] lines =
        [
            "hi",
            "where are you from?",
            "i just got back from a very long walk along the river and my feet are killing me, do you walk much?",
            "ok",
            "what do you do for a living?",
            "lol",
            "have you seen any good films lately? i watched an old western last night and it was surprisingly fun",
            "how old are you",
        ];
        var delays = new List<TimeSpan>();
        var answers = new List<JsonElement>();
        for (var turn = 0; turn < Turns; turn++)
        {
            var typingBefore = line.AllTyping.Count;
            var said = await line.Say(room, lines[turn]);
            var sent = Stopwatch.StartNew();
            var reply = await line.NextMessage(m => m.Str("from") == robot);
            delays.Add(sent.Elapsed);
            answers.Add(reply);

            // Typing came first, from the robot, shaped as a person's signal.
            var typed = line.AllTyping.Skip(typingBefore).ToList();
            Assert.NotEmpty(typed);
            Assert.All(typed, t => Assert.Equal(["from", "room"], t.Typing.Members()));
            Assert.All(typed, t => Assert.Equal((robot, room), (t.Typing.Str("from"), t.Typing.Str("room"))));

            // A reply is a message like the player's own, field for field.
            Assert.Equal(said.Members(), reply.Members());
            Assert.Equal(said.Str("kind"), reply.Str("kind"));
            Assert.Equal(said.Number("session_id"), reply.Number("session_id"));
        }

        var least = PacedRobotApp.ReplyDelay * HumanPace.ReadingLeast;
        var most = PacedRobotApp.ReplyDelay * HumanPace.MaxTotalPauses;
        Assert.All(delays, d => Assert.True(d >= least * 0.9, $"a reply came after {d.TotalMilliseconds} ms, quicker than a person reads"));
        Assert.All(delays, d => Assert.True(d <= most + TimeSpan.FromSeconds(3), $"a reply took {d.TotalMilliseconds} ms"));
        var spread = delays.Max() - delays.Min();
        Assert.True(spread >= PacedRobotApp.ReplyDelay * 0.5, $"the replies came at a machine's steady pace: {string.Join(", ", delays.Select(d => (int)d.TotalMilliseconds))} ms");

        // Each reply carries a client id like those the page gives every line: 32 random hex digits.
        var clientIds = answers.Select(a => a.Str("client_msg_id")).ToList();
        Assert.All(clientIds, id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.Equal(clientIds.Count, clientIds.Distinct().Count());

        // Asked about itself twice, it is the same person.
        var persona = RobotPersona.For(robot);
        Assert.Contains(persona.Home, answers[1].Str("message"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(persona.Occupation, answers[4].Str("message"), StringComparison.OrdinalIgnoreCase);

        // Presence: the robot is still a player, and no notice ever said it went away.
        Assert.Contains(robot, (await Sessions.Find(app, room)).GetProperty("players").Strings());
        Assert.DoesNotContain(await alice.History(room), m => m.Str("message") == robot + " has left the room.");
    }

    [Fact]
    public async Task APersonsTyping_AndTheRobots_ReachTheOthersAlike()
    {
        var room = Unique.Room();
        var alice = await app.SignUp(Unique.Name("alice"));
        var bob = await app.SignUp(Unique.Name("bob"));
        await alice.Host(room, maxPlayersAllowed: 2, robot: "eliza");
        var aliceLine = await alice.Enter(room);
        await bob.Join(room);
        var bobLine = await bob.Enter(room);
        var robot = JoinerIn(await aliceLine.NextMessage(m => IsJoinNotice(m) && JoinerIn(m) != bob.Username));

        await bobLine.Type(room);
        var personTyping = await aliceLine.NextTyping();
        await aliceLine.Say(room, "hey, anyone around?");
        var robotTyping = await bobLine.NextTyping();
        while (robotTyping.Str("from") != robot)
        {
            robotTyping = await bobLine.NextTyping();
        }

        Assert.Equal(personTyping.Members(), robotTyping.Members());
        Assert.Equal(personTyping.Str("room"), robotTyping.Str("room"));
    }

    [Fact]
    public async Task ALineSaidBeforeTheRobotSitsDown_IsAnsweredOnceItHas_AsAPersonArrivingWould()
    {
        var room = Unique.Room();
        var alice = await app.SignUp(Unique.Name("alice"));
        await alice.Host(room, maxPlayersAllowed: 1, robot: "eliza");
        var line = await alice.Enter(room);

        await line.Say(room, "hello? anyone here?");

        var robot = JoinerIn(await line.NextMessage(IsJoinNotice));
        var reply = await line.NextMessage(m => m.Str("from") == robot);
        Assert.Equal("chat", reply.Str("kind"));
    }

    private static bool IsJoinNotice(JsonElement message) =>
        message.Str("kind") == "system" && message.Str("message").EndsWith(Joined, StringComparison.Ordinal);

    private static string JoinerIn(JsonElement notice) => notice.Str("message")[..^Joined.Length];
}
