using System.Net;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Games;

/// <summary>What a vote that the game refuses is answered, by REST and by hub.</summary>
public sealed class VoteRefusalTests(GameApp app) : IClassFixture<GameApp>
{
    [Fact]
    public async Task Vote_InNoSuchRoom_Is404()
    {
        var alice = await app.SignUp();

        await Wire.Problem(await alice.Post(VotePath("nowhere-at-all"), new { suspect = "bob" }), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(101)]
    public async Task Vote_InARoomWhoseNameIsTooLongForAnyRoom_Is404AsNoSuchRoom(int length)
    {
        var alice = await app.SignUp();

        var refused = await Wire.Problem(await alice.Post(VotePath(new string('r', length)), new { suspect = "bob" }), HttpStatusCode.NotFound);

        Assert.False(refused.TryGetProperty("errors", out _), refused.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await alice.Get(ChatClient.HistoryPath(new string('r', length)))).StatusCode);
    }

    [Fact]
    public async Task Vote_ForASuspectTooLongToBeAName_Is400SayingItIsTooLong()
    {
        var (room, alice, _) = await app.HostAndJoin();

        var refused = await Wire.ValidationProblem(await alice.Post(VotePath(room), new { suspect = new string('b', 200) }), "suspect");

        Assert.Contains("too long", refused.Str("message"), StringComparison.Ordinal);
        Assert.DoesNotContain("required", refused.Str("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vote_WithoutASignIn_Is401()
    {
        var (room, _, _) = await app.HostAndJoin();

        await Wire.Problem(await app.Anonymous().Post(VotePath(room), new { suspect = "bob" }), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"suspect\": \"  \"}")]
    [InlineData("{\"suspect\": 7}")]
    [InlineData("{\"suspect\": \"\\ud800\"}")]
    public async Task Vote_WithABadBody_Is400(string body)
    {
        var (room, alice, _) = await app.HostAndJoin();

        var response = await alice.PostRaw(VotePath(room), body);

        await Wire.Problem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Vote_WithoutASuspect_NamesTheField()
    {
        var (room, alice, _) = await app.HostAndJoin();

        await Wire.ValidationProblem(await alice.Post(VotePath(room), new { }), "suspect");
    }

    [Fact]
    public async Task Vote_WhileTheGameWaits_Is409_AndInASessionThatIsNoGame_Too()
    {
        var room = Unique.Room();
        var alice = await app.SignUp();
        await alice.Host(room, maxPlayersAllowed: 3, robot: "eliza");
        var (plain, host, bob) = await app.HostAndJoin();

        await Wire.Problem(await alice.Post(VotePath(room), new { suspect = bob.Username }), HttpStatusCode.Conflict);
        await Wire.Problem(await host.Post(VotePath(plain), new { suspect = bob.Username }), HttpStatusCode.Conflict);
        Assert.Equal(0, (await Sessions.Find(app, room)).GetProperty("game").Number("votes_cast"));
    }

    [Fact]
    public async Task Vote_DuringTheVote_RefusesANonPlayer_AnUnknownSuspect_AndOneself_CountingNothing()
    {
        var room = Unique.Room();
        var alice = await app.SignUp();
        await alice.Host(room, maxPlayersAllowed: 2, robot: "eliza");
        var bob = await app.SignUp();
        var stranger = await app.SignUp();
        var aliceLine = await alice.Enter(room);
        await bob.Join(room);
        await aliceLine.NextGameUpdate(g => g.Str("phase") == "vote", GameApp.PhasePatience);

        await Wire.Problem(await stranger.Post(VotePath(room), new { suspect = bob.Username }), HttpStatusCode.Forbidden);
        await Wire.Problem(await alice.Post(VotePath(room), new { suspect = "nobody" }), HttpStatusCode.NotFound);
        await Wire.ValidationProblem(await alice.Post(VotePath(room), new { suspect = alice.Username }), "suspect");
        Assert.Equal("You cannot vote for yourself.", await aliceLine.InvokeRefused("vote", new { room, suspect = alice.Username }));
        Assert.Equal("Only the players of '" + room + "' can vote.", await (await stranger.Connect()).InvokeRefused("vote", new { room, suspect = bob.Username }));
        Assert.NotEmpty(await aliceLine.InvokeRefused("vote", new { room = " ", suspect = bob.Username }));
        Assert.Equal("suspect has the wrong type or format.", await aliceLine.InvokeRefused("vote", new { room, suspect = 7 }));

        var game = (await Sessions.Find(app, room)).GetProperty("game");
        Assert.Equal("vote", game.Str("phase"));
        Assert.True(game.Number("votes_cast") <= 1, "Only the robot may have voted.");
    }

    private static string VotePath(string room) => $"/api/sessions/{Uri.EscapeDataString(room)}/vote";
}
