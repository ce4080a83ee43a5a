using System.Net;
using System.Text.Json;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Games;

/// <summary>
/// A whole game of three people and the robot through the real HTTP and hub surface.
/// The only test of its class, so the statistics it reads are its own game's.
/// </summary>
public sealed class GamePlayTests(GameApp app) : IClassFixture<GameApp>
{
    [Fact]
    public async Task AFullGame_ChatThenVote_EndsEarlyWhenAllHaveVoted_WithTheResult_TheNotices_AndTheStats()
    {
        var room = Unique.Room();
        var alice = await app.SignUp(Unique.Name("alice"));
        await alice.Host(room, maxPlayersAllowed: 3, robot: "eliza");
        var bob = await app.SignUp(Unique.Name("bob"));
        await bob.Join(room);
        var waiting = (await Sessions.Find(app, room)).GetProperty("game");
        Wire.AssertMembers(waiting, Wire.GameMembers);
        // The robot sits down later, as a person would, so it is not among the voters yet.
        Assert.Equal(("waiting", true, 0, 2, true), (waiting.Str("phase"), waiting.IsNull("ends_at"), waiting.Number("votes_cast"), waiting.Number("voters"), waiting.IsNull("result")));
        var aliceLine = await alice.Enter(room);
        var bobLine = await bob.Enter(room);
        var carol = await app.SignUp(Unique.Name("carol"));

        await carol.Join(room);
        var carolLine = await carol.Enter(room);

        // The chat: it starts with the session and lasts Game:ChatLength.
        List<JsonElement> seen = [await aliceLine.NextGameUpdate()];
        var chat = seen[0];
        Wire.AssertMembers(chat, Wire.GameMembers);
        Assert.Equal(("chat", 0, 4, true), (chat.Str("phase"), chat.Number("votes_cast"), chat.Number("voters"), chat.IsNull("result")));
        Wire.AssertTimestamp(chat.Str("ends_at"));
        var chatEnds = DateTimeOffset.Parse(chat.Str("ends_at"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(chatEnds - DateTimeOffset.UtcNow, TimeSpan.Zero, GameApp.ChatLength);
        var players = (await Sessions.Find(app, room)).GetProperty("players").Strings();
        var robot = Assert.Single(players, p => p != alice.Username && p != bob.Username && p != carol.Username);
        await aliceLine.Say(room, $"{robot} are you a bot?");

        // The vote: announced by a notice and an event, for Game:VoteLength at most.
        seen.Add(await aliceLine.NextGameUpdate(g => g.Str("phase") != "chat", GameApp.PhasePatience));
        var vote = seen[^1];
        Assert.Equal("vote", vote.Str("phase"));
        Assert.True(DateTimeOffset.UtcNow >= chatEnds.AddMilliseconds(-50), "The vote opened before the chat ran out.");
        var voteEnds = DateTimeOffset.Parse(vote.Str("ends_at"), System.Globalization.CultureInfo.InvariantCulture);
        await aliceLine.NextMessageSaying("Time to vote: who is the robot?");

        // Bob changes his mind, by REST; Alice votes by hub; Carol last.
        var bobFirst = await Wire.Ok(await bob.Post($"/api/sessions/{Uri.EscapeDataString(room)}/vote", new { suspect = carol.Username }));
        Wire.AssertMembers(bobFirst, Wire.GameMembers);
        Assert.Equal("vote", bobFirst.Str("phase"));
        var bobChanged = await Wire.Ok(await bob.Post($"/api/sessions/{Uri.EscapeDataString(room)}/vote", new { suspect = robot }));
        Assert.True(bobFirst.Number("votes_cast") <= bobChanged.Number("votes_cast"));
        var aliceVoted = await aliceLine.Invoke("vote", new { room, suspect = robot });
        Wire.AssertMembers(aliceVoted, Wire.GameMembers);
        await carolLine.Invoke("vote", new { room, suspect = alice.Username });

        // Everyone, the robot included, has voted: over before the vote ran out.
        while (seen[^1].Str("phase") != "over")
        {
            seen.Add(await aliceLine.NextGameUpdate(GameApp.PhasePatience));
        }

        Assert.True(DateTimeOffset.UtcNow < voteEnds, "The game did not end early when everyone had voted.");
        Assert.Equal(["chat", "vote", "over"], seen.Select(g => g.Str("phase")).Distinct());
        var counts = seen.Where(g => g.Str("phase") == "vote").Select(g => g.Number("votes_cast")).ToList();
        Assert.Equal(counts.Order(), counts);
        var over = seen[^1];
        Assert.Equal((true, 4, 4), (over.IsNull("ends_at"), over.Number("votes_cast"), over.Number("voters")));
        var result = over.GetProperty("result");
        Wire.AssertMembers(result, Wire.ResultMembers);
        Assert.Equal(robot, result.Str("robot"));
        var votes = result.GetProperty("votes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(robot, votes[alice.Username]);
        Assert.Equal(robot, votes[bob.Username]);
        Assert.Equal(alice.Username, votes[carol.Username]);
        Assert.Contains(votes[robot], new[] { alice.Username, bob.Username, carol.Username });
        Assert.Equal([alice.Username, bob.Username], result.GetProperty("correct").Strings().Order(StringComparer.Ordinal));
        Assert.True(result.GetProperty("robot_caught").GetBoolean());

        // The notices, in the history too; the session has ended and freed its players.
        var texts = (await alice.History(room)).Where(m => m.Str("kind") == "system").Select(m => m.Str("message")).ToList();
        string[] ending = ["Time to vote: who is the robot?", $"The robot was {robot}.", $"{robot} has left the room.", "The session has ended."];
        Assert.Equal(ending, texts.Where(ending.Contains));
        Assert.Null(await Sessions.TryFind(app, room));
        Assert.Equal("waiting", (await alice.Me()).Str("state"));
        var refused = await bob.Post($"/api/sessions/{Uri.EscapeDataString(room)}/vote", new { suspect = robot });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        // The statistics count the game: two of the three humans named the robot.
        var stats = await Wire.Ok(await app.Anonymous().Get("/api/stats"));
        Wire.AssertMembers(stats, "message", "robots", "players");
        Assert.Equal("Stats", stats.Str("message"));
        var eliza = Assert.Single(stats.GetProperty("robots").Items());
        Wire.AssertMembers(eliza, "model", "games", "caught", "judged_human_rate");
        Assert.Equal(("eliza", 1, 1), (eliza.Str("model"), eliza.Number("games"), eliza.Number("caught")));
        Assert.Equal(1.0 / 3, eliza.GetProperty("judged_human_rate").GetDouble(), 6);
        var ranked = stats.GetProperty("players").Items().Select(p => (p.Str("username"), p.Number("games"), p.Number("correct"))).ToList();
        Assert.Equal(3, ranked.Count);
        Assert.Equal([(1, 1), (1, 1), (1, 0)], ranked.Select(p => (p.Item2, p.Item3)));
        Assert.Equal((carol.Username, 1, 0), ranked[2]);
    }
}
