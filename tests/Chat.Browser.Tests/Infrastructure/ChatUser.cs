using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Browser.Tests.Infrastructure;

/// <summary>
/// One person at the page, in their own browser context. Steps go through what a person
/// sees (labels, buttons, the composer), so a test reads like what the user did.
/// </summary>
internal sealed class ChatUser : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<Uri> historyRequests = [];
    private readonly List<string> pageProblems = [];

    private ChatUser(string label, IBrowserContext context, IPage page)
    {
        Label = label;
        Name = Unique.User(label);
        this.context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (pageProblems)
                {
                    pageProblems.Add($"{message.Type}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (pageProblems)
            {
                pageProblems.Add($"uncaught: {error}");
            }
        };
        page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.AbsolutePath.StartsWith("/api/sessions/", StringComparison.Ordinal))
            {
                lock (historyRequests)
                {
                    historyRequests.Add(url);
                }
            }
        };
    }

    /// <summary>Who this is in the scenario ("ann", "bob"); names the screenshots.</summary>
    public string Label { get; }

    /// <summary>The username this user registers with: the label made unique.</summary>
    public string Name { get; }

    public IPage Page { get; }

    public ILocator Composer => Page.GetByRole(AriaRole.Textbox, new() { Name = "Message", Exact = true });

    public ILocator MessageLog => Page.Locator("#messages");

    public ILocator ChatTexts => Page.Locator("#messages .message-chat .message-text");

    public ILocator Banner => Page.Locator("#connection-banner");

    /// <summary>Opens the page in a fresh context, not yet registered.</summary>
    public static async Task<ChatUser> OpenAsync(ChatSite site, string label, BrowserNewContextOptions? options = null)
    {
        var context = await site.NewContextAsync(options);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pick a name" })).ToBeVisibleAsync();
        return new ChatUser(label, context, page);
    }

    /// <summary>Opens the page and registers, ending in the lobby.</summary>
    public static async Task<ChatUser> RegisterAsync(ChatSite site, string label, BrowserNewContextOptions? options = null)
    {
        var user = await OpenAsync(site, label, options);
        await user.SubmitNameAsync(user.Name);
        await Expect(user.Page.GetByRole(AriaRole.Heading, new() { Name = "Lobby" })).ToBeVisibleAsync();
        return user;
    }

    public async Task SubmitNameAsync(string name)
    {
        await Page.GetByLabel("Username").FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enter the lobby" }).ClickAsync();
    }

    public async Task HostAsync(string room, int maxPlayers)
    {
        var form = Page.Locator("#host-form");
        await form.GetByLabel("Room name").FillAsync(room);
        await form.GetByLabel("Max players").FillAsync(maxPlayers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByRole(AriaRole.Button, new() { Name = "Host" }).ClickAsync();
        await ExpectInRoomAsync(room);
    }

    /// <summary>Waits for the room to show up in the lobby's list (it refreshes itself) and joins it.</summary>
    public async Task JoinFromListAsync(string room)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Join {room}", Exact = true }).ClickAsync();
        await ExpectInRoomAsync(room);
    }

    public async Task ExpectInRoomAsync(string room)
    {
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = room, Exact = true })).ToBeVisibleAsync();
        await Expect(Composer).ToBeEnabledAsync();
    }

    /// <summary>Types a message and presses Enter; done when the server has taken it and the box is empty.</summary>
    public async Task SendAsync(string text)
    {
        await Composer.FillAsync(text);
        await Composer.PressAsync("Enter");
        try
        {
            await Expect(Composer).ToHaveValueAsync(string.Empty);
        }
        catch (PlaywrightException e)
        {
            var shown = await Page.Locator("#composer-error").TextContentAsync();
            throw new InvalidOperationException(
                $"{Name} could not send '{text}'; the page says: '{shown}'; its console: {PageProblems()}", e);
        }
    }

    /// <summary>The message-history requests the page has made, to see how it caught up.</summary>
    public IReadOnlyList<Uri> HistoryRequests
    {
        get
        {
            lock (historyRequests)
            {
                return [.. historyRequests];
            }
        }
    }

    public async Task<IReadOnlyList<string>> ChatLinesAsync() => await ChatTexts.AllTextContentsAsync();

    /// <summary>Waits until this user's log shows exactly these chat lines, in this order.</summary>
    public async Task ExpectChatLinesAsync(params string[] lines) =>
        await Expect(ChatTexts).ToHaveTextAsync(lines);

    /// <summary>Errors and warnings the page logged, and uncaught exceptions, for failure messages.</summary>
    public string PageProblems()
    {
        lock (pageProblems)
        {
            return pageProblems.Count == 0 ? "(nothing)" : string.Join(" | ", pageProblems);
        }
    }

    public Task SetOfflineAsync(bool offline) => context.SetOfflineAsync(offline);

    public async Task ScreenshotAsync(string scenario) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot(scenario, Label), FullPage = false });

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
