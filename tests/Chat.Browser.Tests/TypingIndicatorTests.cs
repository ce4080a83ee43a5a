using Chat.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Browser.Tests;

/// <summary>"Someone is typing…": shown to the others while a player writes, gone when they send or stop.</summary>
public sealed class TypingIndicatorTests(ChatSite site)
{
    [Fact]
    public async Task Writing_ShowsTheOthersThatThePlayerIsTyping_NotThePlayer_AndSendingClearsIt()
    {
        await using var players = await TwoPlayers.MeetAsync(site, "typing");
        var (ann, bob) = (players.Ann, players.Bob);
        var bobSees = bob.Page.Locator("#typing-indicator");
        var annSees = ann.Page.Locator("#typing-indicator");

        await ann.Composer.PressSequentiallyAsync("hello th", new() { Delay = 60 });

        await Expect(bobSees).ToBeVisibleAsync();
        await Expect(bobSees).ToHaveTextAsync($"{ann.Name} is typing…");
        await Expect(annSees).ToBeHiddenAsync();
        await bob.ScreenshotAsync("typing");

        await ann.Composer.PressSequentiallyAsync("ere");
        await ann.Composer.PressAsync("Enter");
        await bob.ExpectChatLinesAsync("hello there");
        await Expect(bobSees).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Stopping_ClearsTheIndicatorAfterAFewSeconds()
    {
        await using var players = await TwoPlayers.MeetAsync(site, "pause");
        var (ann, bob) = (players.Ann, players.Bob);
        var bobSees = bob.Page.Locator("#typing-indicator");

        await ann.Composer.PressSequentiallyAsync("hmm");
        await Expect(bobSees).ToBeVisibleAsync();

        await Expect(bobSees).ToBeHiddenAsync(new() { Timeout = 8_000 });
        Assert.Empty(await bob.ChatLinesAsync());
    }

    [Fact]
    public async Task TheRobot_IsSeenTyping_BeforeItsAnswer_LikeAPlayer()
    {
        await using var ann = await ChatUser.RegisterAsync(site, "ann");
        var robots = await OfferedRobotsAsync(ann);
        Assert.SkipWhen(robots.Length == 0, "The service offers no robot models.");
        var form = ann.Page.Locator("#host-form");
        var room = Unique.Room("robotyping");
        await form.GetByLabel("Room name").FillAsync(room);
        await form.GetByLabel("Max players").FillAsync("1");
        await form.GetByLabel("Robot").SelectOptionAsync(robots[0]);
        await form.GetByRole(AriaRole.Button, new() { Name = "Host" }).ClickAsync();
        await ann.ExpectInRoomAsync(room);

        // The robot takes its seat a moment after Ann arrives, as a person would.
        var players = ann.Page.Locator("#players-list li");
        await Expect(players).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        var robot = (await players.Nth(1).GetAttributeAsync("data-player"))!;
        await Expect(ann.Page.Locator("#room-meta")).ToContainTextAsync("1 person and a robot");

        await ann.SendAsync("hi there, how are you?");

        var indicator = ann.Page.Locator("#typing-indicator");
        await Expect(indicator).ToHaveTextAsync($"{robot} is typing…", new() { Timeout = 20_000 });
        await Expect(ann.MessageLog.Locator(".message-chat").Filter(new() { HasText = robot })).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Expect(indicator).ToBeHiddenAsync();
    }

    private static async Task<string[]> OfferedRobotsAsync(ChatUser user)
    {
        var offered = await user.Page.APIRequest.GetAsync("/api/robots");
        return (await offered.JsonAsync())?.GetProperty("robots").EnumerateArray().Select(r => r.GetString()!).ToArray() ?? [];
    }
}
