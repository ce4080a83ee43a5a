using System.Text.RegularExpressions;
using Chat.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Browser.Tests;

public sealed class ConversationTests(ChatSite site)
{
    [Fact]
    public async Task TwoPlayers_ExchangeMessages_EachSeesTheOthersInOrder()
    {
        await using var players = await TwoPlayers.MeetAsync(site, "lounge");
        var (ann, bob) = (players.Ann, players.Bob);
        await Expect(ann.Page.Locator("#players-list")).ToContainTextAsync(bob.Name);
        await Expect(ann.MessageLog.Locator("[data-kind=system]").Filter(new() { HasText = $"{bob.Name} has joined the room." }))
            .ToHaveCountAsync(1);

        // Both type at once; whatever order the server stores, both must show that same order.
        await Task.WhenAll(
            SendAllAsync(ann, "ann one", "ann two", "ann three"),
            SendAllAsync(bob, "bob one", "bob two", "bob three"));

        await Expect(ann.ChatTexts).ToHaveCountAsync(6);
        await Expect(bob.ChatTexts).ToHaveCountAsync(6);
        var annSees = await ann.ChatLinesAsync();
        var bobSees = await bob.ChatLinesAsync();
        Assert.Equal(annSees, bobSees);
        Assert.Equal(["ann one", "ann two", "ann three"], annSees.Where(line => line.StartsWith("ann", StringComparison.Ordinal)));
        Assert.Equal(["bob one", "bob two", "bob three"], annSees.Where(line => line.StartsWith("bob", StringComparison.Ordinal)));

        // Sender and time go with every chat line; ann's own lines are marked as hers.
        var annLine = bob.MessageLog.Locator(".message-chat").Filter(new() { HasText = "ann one" });
        await Expect(annLine.Locator(".message-from")).ToHaveTextAsync(ann.Name);
        await Expect(annLine.Locator("time")).ToHaveAttributeAsync("datetime", new Regex("Z$"));
        await Expect(ann.MessageLog.Locator(".message-mine").Filter(new() { HasText = "ann one" })).ToHaveCountAsync(1);

        await ann.ScreenshotAsync("conversation");
        await bob.ScreenshotAsync("conversation");
    }

    [Fact]
    public async Task Composer_ShiftEnter_StartsANewLineAndEnterSends()
    {
        await using var ann = await ChatUser.RegisterAsync(site, "ann");
        await ann.HostAsync(Unique.Room("lines"), maxPlayers: 2);

        await ann.Composer.PressSequentiallyAsync("first line");
        await ann.Composer.PressAsync("Shift+Enter");
        await ann.Composer.PressSequentiallyAsync("second line");
        await Expect(ann.Composer).ToHaveValueAsync("first line\nsecond line");
        await ann.Composer.PressAsync("Enter");

        await Expect(ann.Composer).ToHaveValueAsync(string.Empty);
        Assert.Equal(["first line\nsecond line"], await ann.ChatLinesAsync());
    }

    [Fact]
    public async Task Composer_NearTheLimit_ShowsACounter()
    {
        await using var ann = await ChatUser.RegisterAsync(site, "ann");
        await ann.HostAsync(Unique.Room("counter"), maxPlayers: 2);
        var counter = ann.Page.Locator("#composer-counter");

        await ann.Composer.FillAsync(new string('a', 100));
        await Expect(counter).ToBeHiddenAsync();

        await ann.Composer.FillAsync(new string('a', 2005));
        await Expect(counter).ToBeVisibleAsync();
        await Expect(counter).ToContainTextAsync("2005 / 2000");
        await Expect(counter).ToContainTextAsync("5 too many");
        await ann.ScreenshotAsync("counter");
    }

    [Fact]
    public async Task Host_WithARobotFromTheOfferedList_ShowsTheRobotInTheRoom()
    {
        await using var ann = await ChatUser.RegisterAsync(site, "ann");
        var offered = await ann.Page.APIRequest.GetAsync("/api/robots");
        var robots = (await offered.JsonAsync())?.GetProperty("robots").EnumerateArray().Select(r => r.GetString()!).ToArray() ?? [];
        Assert.SkipWhen(robots.Length == 0, "The service offers no robot models.");
        var form = ann.Page.Locator("#host-form");
        var room = Unique.Room("robots");

        await Expect(form.GetByLabel("Robot").Locator("option")).ToHaveTextAsync(["No robot", .. robots]);
        await form.GetByLabel("Room name").FillAsync(room);
        await form.GetByLabel("Robot").SelectOptionAsync(robots[0]);
        await form.GetByRole(AriaRole.Button, new() { Name = "Host" }).ClickAsync();

        await ann.ExpectInRoomAsync(room);
        await Expect(ann.Page.Locator("#room-meta")).ToContainTextAsync($"robot: {robots[0]}");
    }

    [Fact]
    public async Task Reload_InARoom_ReturnsToTheRoomWithItsHistory()
    {
        await using var ann = await ChatUser.RegisterAsync(site, "ann");
        var room = Unique.Room("again");
        await ann.HostAsync(room, maxPlayers: 2);
        await ann.SendAsync("said before the reload");

        await ann.Page.ReloadAsync();

        await ann.ExpectInRoomAsync(room);
        await ann.ExpectChatLinesAsync("said before the reload");
    }

    [Fact]
    public async Task LeaveAndLogOut_ReturnToTheLobbyAndTheNamePage()
    {
        await using var ann = await ChatUser.RegisterAsync(site, "ann");
        await ann.HostAsync(Unique.Room("brief"), maxPlayers: 2);

        await ann.Page.GetByRole(AriaRole.Button, new() { Name = "Leave" }).ClickAsync();
        await Expect(ann.Page.GetByRole(AriaRole.Heading, new() { Name = "Lobby" })).ToBeVisibleAsync();

        await ann.Page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(ann.Page.GetByRole(AriaRole.Heading, new() { Name = "Pick a name" })).ToBeVisibleAsync();
    }

    private static async Task SendAllAsync(ChatUser user, params string[] lines)
    {
        foreach (var line in lines)
        {
            await user.SendAsync(line);
        }
    }
}
