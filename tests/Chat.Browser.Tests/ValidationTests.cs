using Chat.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Browser.Tests;

public sealed class ValidationTests(ChatSite site)
{
    [Fact]
    public async Task Register_WithAnInvalidName_ShowsTheApiMessageBesideTheField()
    {
        await using var ann = await ChatUser.OpenAsync(site, "ann");
        var field = ann.Page.GetByLabel("Username");

        await ann.SubmitNameAsync("not valid!");

        var error = ann.Page.Locator("#register-username-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).Not.ToBeEmptyAsync();
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(field).ToBeFocusedAsync();
        await ann.ScreenshotAsync("register-invalid");
    }

    [Fact]
    public async Task Register_WithATakenName_SaysSoBesideTheField()
    {
        await using var first = await ChatUser.RegisterAsync(site, "ann");
        await using var second = await ChatUser.OpenAsync(site, "bob");

        await second.SubmitNameAsync(first.Name.ToUpperInvariant());

        await Expect(second.Page.Locator("#register-username-error")).Not.ToBeEmptyAsync();
        await Expect(second.Page.GetByLabel("Username")).ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Fact]
    public async Task Host_WithBadRoomOrPlayerCount_ShowsEachMessageBesideItsField()
    {
        await using var ann = await ChatUser.RegisterAsync(site, "ann");
        var form = ann.Page.Locator("#host-form");
        var hostButton = form.GetByRole(AriaRole.Button, new() { Name = "Host" });

        await form.GetByLabel("Room name").FillAsync("no/slashes?");
        await hostButton.ClickAsync();
        await Expect(ann.Page.Locator("#host-room-error")).Not.ToBeEmptyAsync();
        await Expect(form.GetByLabel("Room name")).ToHaveAttributeAsync("aria-invalid", "true");

        await form.GetByLabel("Room name").FillAsync(Unique.Room("fine"));
        await form.GetByLabel("Max players").FillAsync("0");
        await hostButton.ClickAsync();
        await Expect(ann.Page.Locator("#host-max-players-error")).Not.ToBeEmptyAsync();
        await Expect(form.GetByLabel("Max players")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(ann.Page.Locator("#host-room-error")).ToBeEmptyAsync();
        await ann.ScreenshotAsync("host-invalid");
    }

    [Fact]
    public async Task Join_AnUnknownRoom_SaysSoBesideTheRoomField()
    {
        await using var ann = await ChatUser.RegisterAsync(site, "ann");
        var form = ann.Page.Locator("#join-form");

        await form.GetByLabel("Room name").FillAsync(Unique.Room("nowhere"));
        await form.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();

        await Expect(ann.Page.Locator("#join-room-error")).Not.ToBeEmptyAsync();
    }
}
