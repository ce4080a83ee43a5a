using Chat.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Chat.Browser.Tests;

public sealed class ReconnectionTests(ChatSite site)
{
    [Fact]
    public async Task NetworkCut_WhileOthersTalk_ShowsEveryMissedMessageOnceOnReturn()
    {
        await using var ann = await ChatUser.RegisterAsync(site, "ann");
        await using var bob = await ChatUser.RegisterAsync(site, "bob");
        var room = Unique.Room("flaky");
        await ann.HostAsync(room, maxPlayers: 2);
        await bob.JoinFromListAsync(room);
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
        await bob.ExpectChatLinesAsync(["before the cut", .. missed]);

        // Talk goes on both ways after the return, still with nothing doubled.
        await bob.SendAsync("back again");
        string[] all = ["before the cut", .. missed, "back again"];
        await ann.ExpectChatLinesAsync(all);
        await bob.ExpectChatLinesAsync(all);
        await AssertEachMessageOnceAsync(bob);
        await bob.ScreenshotAsync("reconnected");
    }

    private static async Task AssertEachMessageOnceAsync(ChatUser user)
    {
        var ids = await user.MessageLog.Locator("[data-id]").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.id)");
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }
}
