using Chat.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Browser.Tests;

public sealed class LayoutTests(ChatSite site)
{
    [Fact]
    public async Task PhoneViewport_ShowsComposerAndLatestMessages()
    {
        var phone = new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        };
        await using var ann = await ChatUser.RegisterAsync(site, "ann", phone);
        await ann.HostAsync(Unique.Room("pocket"), maxPlayers: 2);

        for (var i = 1; i <= 12; i++)
        {
            await ann.SendAsync($"line {i} of a conversation long enough to scroll on a small screen");
        }

        await Expect(ann.Composer).ToBeInViewportAsync();
        await Expect(ann.Page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeInViewportAsync();
        await Expect(ann.ChatTexts.Last).ToBeInViewportAsync();
        var overflow = await ann.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow, "The page scrolls sideways on a phone-width screen.");
        await ann.ScreenshotAsync("phone");
    }

    [Fact]
    public async Task ReaderScrolledUp_IsNotYankedToNewMessages()
    {
        await using var players = await TwoPlayers.MeetAsync(site, "scroll");
        var (ann, bob) = (players.Ann, players.Bob);
        for (var i = 1; i <= 25; i++)
        {
            await ann.SendAsync($"filler {i}");
        }

        await Expect(bob.ChatTexts).ToHaveCountAsync(25);
        await bob.MessageLog.EvaluateAsync("log => { log.scrollTop = 0; }");
        await ann.SendAsync("while bob reads back");

        await Expect(bob.ChatTexts).ToHaveCountAsync(26);
        Assert.Equal(0, await bob.MessageLog.EvaluateAsync<double>("log => log.scrollTop"));
        var jump = bob.Page.GetByRole(AriaRole.Button, new() { Name = "New messages" });
        await Expect(jump).ToBeVisibleAsync();
        await bob.ScreenshotAsync("scrolled-up");

        await jump.ClickAsync();
        await Expect(bob.ChatTexts.Last).ToBeInViewportAsync();
    }
}
