using System.Globalization;
using System.Text.Json;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Games;

/// <summary>
/// A player who leaves during the vote without having voted: the vote lasts until every
/// present player has voted, so when the others all have, it ends at once.
/// </summary>
public sealed class VoteDepartureTests(GameApp app) : IClassFixture<GameApp>
{
    [Fact]
    public async Task TheOnlyPlayerYetToVote_Leaving_EndsTheGameAtOnce_WithTheResultAndTheNotices()
    {
        var room = Unique.Room();
        var alice = await app.SignUp(Unique.Name("alice"));
        await alice.Host(room, maxPlayersAllowed: 4, robot: "eliza");
        var aliceLine = await alice.Enter(room);
        List<(ChatClient Client, RoomConnection Line)> guests = [];
        foreach (var name in new[] { "bob", "carol", "dave" })
        {
            var guest = await app.SignUp(Unique.Name(name));
            await guest.Join(room);
            guests.Add((guest, await guest.Enter(room)));
        }

        var vote = await aliceLine.NextGameUpdate(g => g.Str("phase") == "vote", GameApp.PhasePatience);
        var voteEnds = DateTimeOffset.Parse(vote.Str("ends_at"), CultureInfo.InvariantCulture);
        var robot = Assert.Single(
            (await Sessions.Find(app, room)).GetProperty("players").Strings(),
            p => p != alice.Username && guests.All(g => g.Client.Username != p));
        await aliceLine.Invoke("vote", new { room, suspect = robot });
        await guests[0].Line.Invoke("vote", new { room, suspect = robot });
        await guests[1].Line.Invoke("vote", new { room, suspect = alice.Username });

        // The robot casts its ballot early in the vote: four of five have voted then.
        await aliceLine.NextGameUpdate(g => g.Number("votes_cast") == 4, GameApp.PhasePatience);
        var dave = guests[2].Client;
        await dave.Leave();

        var over = await aliceLine.NextGameUpdate(g => g.Str("phase") != "vote", RoomConnection.Patience);
        Assert.True(DateTimeOffset.UtcNow < voteEnds, "The vote ran to its end after the last player yet to vote had left.");
        Assert.Equal(("over", 4, 4), (over.Str("phase"), over.Number("votes_cast"), over.Number("voters")));
        var result = over.GetProperty("result");
        Assert.Equal(robot, result.Str("robot"));
        Assert.Equal(4, result.GetProperty("votes").EnumerateObject().Count());
        Assert.DoesNotContain(dave.Username, result.GetProperty("votes").EnumerateObject().Select(p => p.Name));
        await aliceLine.NextMessageSaying($"The robot was {robot}.");
        await aliceLine.NextMessageSaying("The session has ended.");
        Assert.Null(await Sessions.TryFind(app, room));
        JsonElement stored = (await alice.History(room)).Last();
        Assert.Equal("The session has ended.", stored.Str("message"));
    }
}
