using Chat.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Chat.Browser.Tests;

public sealed class ReconnectionTests(ChatSite site)
{
    [Fact]
    public async Task NetworkCut_WhileOthersTalk_ShowsEveryMissedMessageOnceOnReturn()
    {
        await using var players = await TwoPlayers.MeetAsync(site, "flaky");
        var (ann, bob) = (players.Ann, players.Bob);
        await ann.SendAsync("before the cut");
        await bob.ExpectChatLinesAsync("before the cut");

        await bob.SetOfflineAsync(true);
        await Expect(bob.Banner).ToBeVisibleAsync();
        await Expect(bob.Composer).ToBeDisabledAsync();

        string[] missed = ["missed one", "missed two", "missed three"];
        foreach (var line in missed)
        {
            await ann.SendAsync(line);
        }

        await bob.ScreenshotAsync("offline");
        await bob.SetOfflineAsync(false);

        await Expect(bob.Banner).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Expect(bob.Composer).ToBeEnabledAsync();
        // Chromium may let a frame or two through after going offline; whether the
        // page caught up by its rejoin (after_seq) or by REST, every line is there once.
        await bob.ExpectChatLinesAsync(["before the cut", .. missed]);
        Assert.DoesNotContain(bob.HistoryRequests, url => url.Query.Contains("after_id=", StringComparison.Ordinal));

        // Talk goes on both ways after the return, still with nothing doubled.
        await bob.SendAsync("back again");
        string[] all = ["before the cut", .. missed, "back again"];
        await ann.ExpectChatLinesAsync(all);
        await bob.ExpectChatLinesAsync(all);
        await AssertEachMessageOnceAsync(bob);
        await bob.ScreenshotAsync("reconnected");
    }

    [Fact]
    public async Task DroppedConnection_ReconnectsByItself_RejoinsAndFetchesWhatItMissed()
    {
        RealtimeSockets? bobSockets = null;
        await using var players = await TwoPlayers.MeetAsync(
            site, "dropped", async bob => bobSockets = await RealtimeSockets.InterceptAsync(bob.Page));
        var (ann, bob) = (players.Ann, players.Bob);
        await ann.SendAsync("before the drop");
        await bob.ExpectChatLinesAsync("before the drop");
        var bobJoined = ann.MessageLog.Locator("[data-kind=system]").Filter(new() { HasText = $"{bob.Name} has joined the room." });
        await Expect(bobJoined).ToHaveCountAsync(1);

        await bob.SetOfflineAsync(true);
        await bobSockets!.DropAllAsync();
        await Expect(bob.Banner).ToBeVisibleAsync();

        string[] missed = ["missed one", "missed two", "missed three"];
        foreach (var line in missed)
        {
            await ann.SendAsync(line);
        }

        await bob.SetOfflineAsync(false);

        await Expect(bob.Banner).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await bob.ExpectChatLinesAsync(["before the drop", .. missed]);
        // The new connection joined the room again, silently: a seat is announced once.
        await Expect(bobJoined).ToHaveCountAsync(1);
        await bob.SendAsync("still here");
        await ann.ExpectChatLinesAsync(["before the drop", .. missed, "still here"]);
        await AssertEachMessageOnceAsync(bob);
        await bob.ScreenshotAsync("rejoined");
    }

    private static async Task AssertEachMessageOnceAsync(ChatUser user)
    {
        var ids = await user.MessageLog.Locator("[data-id]").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.id)");
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }
}
