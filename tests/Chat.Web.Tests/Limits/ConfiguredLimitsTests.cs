using System.Net;
using Chat.Web.Limits;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Limits;

/// <summary>Configured limits: lobby actions per user, messages per user across all of their connections.</summary>
public sealed class ConfiguredLimitsTests(TightLimitsApp app) : IClassFixture<TightLimitsApp>
{
    [Fact]
    public async Task Lobby_OverTheConfiguredLimit_Is429ForThatUserOnly()
    {
        var alice = await app.SignUp();
        var bob = await app.SignUp();
        for (var i = 0; i < TightLimitsApp.LobbyActionsPerMinute; i++)
        {
            await Wire.Problem(await alice.Post("/api/lobby", new { type = "leave" }), HttpStatusCode.Conflict);
        }

        await TooManyRequests.Assert429(await alice.Post("/api/lobby", new { type = "host", room = Unique.Room() }));

        Assert.Equal("waiting", (await alice.Me()).Str("state"));
        Assert.DoesNotContain(
            (await Wire.Ok(await app.Anonymous().Get("/api/lobby/sessions"))).GetProperty("pending_sessions").Items(),
            s => s.Str("host") == alice.Username);
        await bob.Host(Unique.Room());
    }

    [Fact]
    public async Task Message_OverTheLimit_IsRefusedOnEveryConnectionOfTheUser_StoresNothing_AndLeavesOthersAlone()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var first = await alice.Enter(room);
        var second = await alice.Connect();
        await second.Join(room);
        var bobs = await bob.Enter(room);
        for (var i = 0; i < TightLimitsApp.MessageBurst; i++)
        {
            Assert.Null(await HubCalls.Send(first, room, $"burst {i}"));
        }

        var reason = await HubCalls.Send(second, room, "one too many");

        Assert.NotNull(reason);
        Assert.StartsWith(HubLimitFilter.TooFast, reason, StringComparison.Ordinal);
        Wire.AssertReadable(reason);
        Assert.Null(await HubCalls.Send(bobs, room, "bob is fine"));
        var history = await bob.History(room);
        Assert.DoesNotContain(history, m => m.Str("message") == "one too many");
        Assert.Equal(TightLimitsApp.MessageBurst, history.Count(m => m.Str("from") == alice.Username && m.Str("kind") == "chat"));

        // The bucket refills at MessagesPerSecond.
        await Task.Delay(TimeSpan.FromSeconds(1.0 / TightLimitsApp.MessagesPerSecond) + TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
        Assert.Null(await HubCalls.Send(second, room, "after a pause"));
    }

    [Fact]
    public async Task Message_ResentOverTheLimit_IsAnsweredWithTheMessageStoredTheFirstTime()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var alices = await alice.Enter(room);
        var bobs = await bob.Enter(room);
        var first = await alices.Invoke("message", new { from = alice.Username, room, message = "ack lost", client_msg_id = "retry-1" });
        await bobs.NextMessageSaying("ack lost");
        for (var i = 1; i < TightLimitsApp.MessageBurst; i++)
        {
            Assert.Null(await HubCalls.Send(alices, room, $"burst {i}"));
        }

        var fresh = await HubCalls.Outcome(alices.Invoke("message", new { from = alice.Username, room, message = "a new one", client_msg_id = "retry-2" }));
        var again = await alices.Invoke("message", new { from = alice.Username, room, message = "ack lost", client_msg_id = "retry-1" });

        Assert.StartsWith(HubLimitFilter.TooFast, fresh, StringComparison.Ordinal);
        Assert.Equal(first.GetRawText(), again.GetRawText());
        var history = await alice.History(room);
        Assert.Single(history, m => m.Str("message") == "ack lost");
        Assert.DoesNotContain(history, m => m.Str("message") == "a new one");
    }

    [Fact]
    public async Task Message_OverTheLimit_WithAClientIdNeverStored_OrAnotherUsers_IsRefused()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var alices = await alice.Enter(room);
        var bobs = await bob.Enter(room);
        await bobs.Invoke("message", new { from = bob.Username, room, message = "bob's", client_msg_id = "shared-id" });
        for (var i = 0; i < TightLimitsApp.MessageBurst; i++)
        {
            Assert.Null(await HubCalls.Send(alices, room, $"burst {i}"));
        }

        var unknown = await HubCalls.Outcome(alices.Invoke("message", new { from = alice.Username, room, message = "new", client_msg_id = "never-sent" }));
        var bobsId = await HubCalls.Outcome(alices.Invoke("message", new { from = alice.Username, room, message = "bob's", client_msg_id = "shared-id" }));

        Assert.StartsWith(HubLimitFilter.TooFast, unknown, StringComparison.Ordinal);
        Assert.StartsWith(HubLimitFilter.TooFast, bobsId, StringComparison.Ordinal);
        Assert.Equal(TightLimitsApp.MessageBurst, (await bob.History(room)).Count(m => m.Str("from") == alice.Username && m.Str("kind") == "chat"));
    }
}
