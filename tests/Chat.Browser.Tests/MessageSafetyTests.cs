using Chat.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Browser.Tests;

public sealed class MessageSafetyTests(ChatSite site)
{
    private const string Payload = "<img src=x onerror=alert(1)>";

    [Fact]
    public async Task Messages_ContainingHtml_ShowAsText()
    {
        await using var players = await TwoPlayers.MeetAsync(site, "html");
        var (ann, bob) = (players.Ann, players.Bob);
        var dialogs = 0;
        ann.Page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        bob.Page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await ann.SendAsync(Payload);
        // A plain line after it: once it shows, the payload has had every chance to run.
        await ann.SendAsync("after");

        foreach (var user in new[] { ann, bob })
        {
            await user.ExpectChatLinesAsync(Payload, "after");
            await Expect(user.MessageLog.Locator("img")).ToHaveCountAsync(0);
        }

        Assert.Equal(0, dialogs);
        await bob.ScreenshotAsync("html-as-text");
    }

    [Fact]
    public async Task Register_WithHtmlInTheName_ShowsTheRefusalAsText()
    {
        await using var ann = await ChatUser.OpenAsync(site, "ann");

        // The service refuses such a name with a fixed sentence, so no real answer
        // repeats it; a refusal that does shows whether the page renders text as markup.
        await ann.Page.RouteAsync("**/api/register", route => route.FulfillAsync(new()
        {
            Status = 409,
            ContentType = "application/problem+json",
            Body = """{"did_succeed": false, "message": "The name '<b>ann</b>' is taken."}""",
        }));
        await ann.SubmitNameAsync("<b>ann</b>");

        await Expect(ann.Page.Locator("#register-username-error")).ToHaveTextAsync("The name '<b>ann</b>' is taken.");
        await Expect(ann.Page.Locator("main b")).ToHaveCountAsync(0);
    }
}
