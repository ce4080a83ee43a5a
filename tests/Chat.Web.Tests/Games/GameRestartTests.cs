using Chat.Infrastructure.Persistence;
using Chat.Web.Tests.Presence.Support;
using Chat.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Games;

/// <summary>Two nodes over one database: phase changes happen once, and a node lost during the vote loses nothing.</summary>
public sealed class GameRestartTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"chat-game-web-{Guid.NewGuid():N}");
    private GameApp _a = null!;
    private GameApp _b = null!;
    private bool _aStopped;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _a = new GameApp(Path.Combine(_folder, "chat.db"));
        await _a.InitializeAsync();
        _b = new GameApp(Path.Combine(_folder, "chat.db"));
        await _b.InitializeAsync();
    }

    [Fact]
    public async Task ANodeStoppedDuringTheVote_TheOtherClosesItOnce_KeepingTheVotes()
    {
        var room = Unique.Room();
        var alice = await _a.SignUp(Unique.Name("alice"));
        await alice.Host(room, maxPlayersAllowed: 2, robot: "eliza");
        var bob = await _a.SignUp(Unique.Name("bob"));
        await bob.Join(room);
        var robot = Assert.Single((await Sessions.Find(_a, room)).GetProperty("players").Strings(), p => p != alice.Username && p != bob.Username);

        // Both nodes sweep: the vote opens once.
        await Eventually.True(async () => (await Sessions.Find(_b, room)).GetProperty("game").Str("phase") == "vote", "the vote to open");
        var voted = await Wire.Ok(await alice.Post($"/api/sessions/{Uri.EscapeDataString(room)}/vote", new { suspect = robot }));
        Assert.Equal("vote", voted.Str("phase"));

        await _a.DisposeAsync();
        _aStopped = true;

        // The node left closes the vote when its stored time comes, with the vote cast on the other.
        await Eventually.True(async () => await Sessions.TryFind(_b, room) is null, "the game to end");
        await using var scope = _b.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Room == room, TestContext.Current.CancellationToken);
        var texts = await db.Messages.Where(m => m.SessionId == session.Id).OrderBy(m => m.Id).Select(m => m.Text).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, texts.Count(t => t == "Time to vote: who is the robot?"));
        Assert.Equal(1, texts.Count(t => t == $"The robot was {robot}."));
        Assert.Equal(1, texts.Count(t => t == "The session has ended."));
        var result = session.Game!.Result!;
        Assert.Contains(KeyValuePair.Create(alice.Username, robot), result.Votes);
        Assert.Equal([alice.Username], result.Correct);
        Assert.True(result.RobotCaught);

        var eliza = Assert.Single((await Wire.Ok(await _b.Anonymous().Get("/api/stats"))).GetProperty("robots").Items());
        Assert.Equal((1, 1, 0.0), (eliza.Number("games"), eliza.Number("caught"), eliza.GetProperty("judged_human_rate").GetDouble()));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_aStopped)
        {
            await _a.DisposeAsync();
        }

        await _b.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
