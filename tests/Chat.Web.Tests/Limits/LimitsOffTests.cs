using System.Net;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Limits;

/// <summary>Each <c>Limits</c> key set to 0 switches its limit off (as the test fixture sets them).</summary>
public sealed class LimitsOffTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task Register_WithTheLimitOff_TakesAnyNumberFromOneAddress()
    {
        using var crowded = new AddressClient(app.BaseAddress, IPAddress.Parse("127.0.0.7"));
        for (var i = 0; i < 30; i++)
        {
            await Wire.Ok(await crowded.Register(Unique.Name()));
        }
    }

    [Fact]
    public async Task Lobby_WithTheLimitOff_TakesAnyNumberOfActions()
    {
        var alice = await app.SignUp();
        for (var i = 0; i < 80; i++)
        {
            await Wire.Problem(await alice.Post("/api/lobby", new { type = "leave" }), HttpStatusCode.Conflict);
        }

        await alice.Host(Unique.Room());
    }

    [Fact]
    public async Task Message_WithTheLimitOff_StoresEveryMessageOfAFlood()
    {
        var (room, alice, _) = await app.HostAndJoin();
        var alices = await alice.Enter(room);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => HubCalls.Send(alices, room, $"m {i}")));

        Assert.All(outcomes, Assert.Null);
        Assert.Equal(60, (await alice.History(room, "limit=500")).Count(m => m.Str("kind") == "chat"));
    }
}
