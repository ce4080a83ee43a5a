using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Chat.Web.Limits;
using Chat.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Web.Tests.Limits;

/// <summary>The limits as they are when nothing is configured: 20 registrations a minute per address, 60 lobby actions a minute per user, 5 messages a second per user with bursts of 10.</summary>
[Collection(HeavyLoadCollection.Name)]
public sealed class DefaultLimitsTests(DefaultLimitsApp app) : IClassFixture<DefaultLimitsApp>
{
    private const int Burst = 10;
    private const int PerSecond = 5;

    [Fact]
    public async Task Register_ByDefault_Allows20AMinuteFromOneAddress()
    {
        using var crowded = new AddressClient(app.BaseAddress, IPAddress.Parse("127.0.0.2"));
        for (var i = 0; i < 20; i++)
        {
            await Wire.Ok(await crowded.Register(Unique.Name()));
        }

        await TooManyRequests.Assert429(await crowded.Register(Unique.Name()));
        using var other = new AddressClient(app.BaseAddress, IPAddress.Parse("127.0.0.3"));
        await Wire.Ok(await other.Register(Unique.Name()));
    }

    [Fact]
    public async Task Messages_SentTogetherWithinTheBurst_PassTheLimitAndAreStoredInTheOrderSent()
    {
        // The node's own bucket answers at once, so this runs the limit filter's order gate
        // without ever making a call wait at it; the wait it exists for (the shared bucket's
        // round trip to Redis) is not reproduced here.
        var (room, alice, _) = await app.HostAndJoin();
        var alices = await alice.Enter(room);
        List<string> texts = [.. Enumerable.Range(1, Burst).Select(i => $"together {i}")];

        var acks = await Task.WhenAll(texts.Select(text => alices.Say(room, text)).ToList());

        Assert.Equal(texts, acks.OrderBy(a => a.LongNumber("seq")).Select(a => a.Str("message")!));
    }

    [Fact]
    public async Task Lobby_ByDefault_Allows60ActionsAMinutePerUser()
    {
        var alice = await app.SignUp();
        for (var i = 0; i < 60; i++)
        {
            // Refused actions count too: the limit is on asking.
            await Wire.Problem(await alice.Post("/api/lobby", new { type = "leave" }), HttpStatusCode.Conflict);
        }

        var refused = await TooManyRequests.Assert429(await alice.Post("/api/lobby", new { type = "host", room = Unique.Room() }));

        Assert.Contains("lobby", refused.Str("message"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("waiting", (await alice.Me()).Str("state"));
    }

    [Fact]
    public async Task Message_AFloodOfAThousand_StoresAboutTheBurstPlusTheRate_AndOthersInTheRoomAreUnaffected()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var alices = await alice.Enter(room);
        var bobs = await bob.Enter(room);
        var bobHeardBefore = bobs.AllMessages.Count;

        var clock = Stopwatch.StartNew();
        var flood = Enumerable.Range(0, 1000)
            .Select(i => HubCalls.Outcome(alices.Hub.InvokeAsync<JsonElement>("message", new { from = alice.Username, room, message = $"flood {i}" }, TestContext.Current.CancellationToken)))
            .ToList();
        var bobsLines = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            bobsLines.Add(await bobs.Say(room, $"bob {i}"));
        }

        var outcomes = await Task.WhenAll(flood);
        var elapsed = clock.Elapsed;

        var accepted = outcomes.Count(o => o is null);
        Assert.InRange(accepted, Burst, Burst + (int)Math.Ceiling(elapsed.TotalSeconds * PerSecond) + 1);
        Assert.All(outcomes.Where(o => o is not null), reason => Assert.StartsWith(HubLimitFilter.TooFast, reason!, StringComparison.Ordinal));
        Assert.Equal(3, bobsLines.Count);
        var history = await bob.History(room, "limit=500");
        Assert.Equal(accepted, history.Count(m => m.Str("from") == alice.Username && m.Str("kind") == "chat"));
        Assert.Equal(3, history.Count(m => m.Str("from") == bob.Username));
        await HubCalls.Eventually(() => bobs.AllMessages.Count - bobHeardBefore == accepted + 3, "Bob to hear every stored message");
    }

    [Fact]
    public async Task Message_OverTheLimit_SaysWhenToTryAgain()
    {
        var (room, alice, _) = await app.HostAndJoin();
        var alices = await alice.Enter(room);
        var sends = Enumerable.Range(0, Burst * 3)
            .Select(i => HubCalls.Outcome(alices.Hub.InvokeAsync<JsonElement>("message", new { from = alice.Username, room, message = $"m {i}" }, TestContext.Current.CancellationToken)));

        var reason = (await Task.WhenAll(sends)).First(o => o is not null)!;

        Assert.Matches(@"^You are sending messages too fast; try again in \d+(\.\d)? seconds?\.", reason);
    }
}
