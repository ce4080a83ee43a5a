using Chat.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Browser.Tests;

public sealed class KeyboardTests(ChatSite site)
{
    [Fact]
    public async Task KeyboardAlone_RegistersHostsChatsAndLeaves()
    {
        await using var ann = await ChatUser.OpenAsync(site, "ann");
        var keyboard = ann.Page.Keyboard;

        // Each view puts the focus where the next thing to type goes.
        await Expect(ann.Page.GetByLabel("Username")).ToBeFocusedAsync();
        await keyboard.TypeAsync(ann.Name);
        await keyboard.PressAsync("Enter");

        var room = Unique.Room("keys");
        await Expect(ann.Page.Locator("#host-room")).ToBeFocusedAsync();
        await keyboard.TypeAsync(room);
        await keyboard.PressAsync("Enter");

        await ann.ExpectInRoomAsync(room);
        await Expect(ann.Composer).ToBeFocusedAsync();
        await keyboard.TypeAsync("typed without a mouse");
        await keyboard.PressAsync("Enter");
        await ann.ExpectChatLinesAsync("typed without a mouse");

        var leave = ann.Page.GetByRole(AriaRole.Button, new() { Name = "Leave" });
        await TabUntilFocusedAsync(ann.Page, leave);
        await ann.ScreenshotAsync("keyboard-focus");
        await keyboard.PressAsync("Enter");
        await Expect(ann.Page.GetByRole(AriaRole.Heading, new() { Name = "Lobby" })).ToBeVisibleAsync();
    }

    private static async Task TabUntilFocusedAsync(IPage page, ILocator target)
    {
        for (var presses = 0; presses < 30; presses++)
        {
            if (await target.EvaluateAsync<bool>("node => node === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail("Tab never reached the target.");
    }
}
