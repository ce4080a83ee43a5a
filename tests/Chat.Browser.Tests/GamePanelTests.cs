using Chat.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Browser.Tests;

/// <summary>
/// The page's game panel fed the contract's Game objects directly, so its phases,
/// vote control and reveal are checked whatever the server's build; names are
/// shown as text, never as markup.
/// </summary>
public sealed class GamePanelTests(ChatSite site)
{
    private const string Mallory = "<img src=x onerror=window.pwned=1>";

    [Fact]
    public async Task Panel_ShowsThePhase_ACountdown_AChangeableVote_AndTheReveal_AsText()
    {
        await using var ann = await ChatUser.RegisterAsync(site, "ann");
        var page = ann.Page;
        await page.EvaluateAsync(
            """
            async (mallory) => {
              const { GamePanel } = await import("/js/game-panel.js");
              const root = document.createElement("section");
              root.id = "panel-under-test";
              document.body.append(root);
              window.votes = [];
              const panel = new GamePanel(root, async (suspect) => { window.votes.push(suspect); });
              panel.reset("ann");
              panel.setPlayers(["ann", "bob", mallory]);
              window.panel = panel;
            }
            """,
            Mallory);
        var panel = page.Locator("#panel-under-test");

        await Call(page, "{ phase: 'chat', ends_at: new Date(Date.now() + 95000).toISOString(), votes_cast: 0, voters: 3, result: null }");
        await Expect(panel.Locator(".game-phase")).ToHaveTextAsync("Chat: who is the robot?");
        await Expect(panel.Locator(".game-countdown")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^1:3\d left$"));
        await Expect(panel.Locator(".vote-button")).ToHaveCountAsync(0);

        await Call(page, "{ phase: 'vote', ends_at: new Date(Date.now() + 30000).toISOString(), votes_cast: 1, voters: 3, result: null }");
        await Expect(panel.Locator(".game-votes")).ToHaveTextAsync("1 of 3 voters voted");
        await Expect(panel.Locator(".vote-button")).ToHaveCountAsync(2);
        await Expect(panel.Locator("[data-suspect=ann]")).ToHaveCountAsync(0);

        await panel.Locator("[data-suspect=bob]").ClickAsync();
        await Expect(panel.Locator("[data-suspect=bob]")).ToHaveAttributeAsync("aria-pressed", "true");
        var other = panel.GetByRole(AriaRole.Button, new() { Name = $"Vote {Mallory}" });
        await other.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(other).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(panel.Locator("[data-suspect=bob]")).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.Equal(["bob", Mallory], await page.EvaluateAsync<string[]>("() => window.votes"));

        await Call(page, $"{{ phase: 'over', ends_at: null, votes_cast: 3, voters: 3, result: {{ robot: {Js(Mallory)}, votes: {{ ann: {Js(Mallory)}, bob: 'ann', [{Js(Mallory)}]: 'bob' }}, correct: ['ann'], robot_caught: false }} }}");
        await Expect(panel.Locator(".game-phase")).ToHaveTextAsync("Game over");
        await Expect(panel.Locator(".reveal-robot")).ToHaveTextAsync($"The robot was {Mallory}. The robot got away.");
        await Expect(panel.Locator("[data-voter=ann]")).ToContainTextAsync($"ann voted for {Mallory}");
        await Expect(panel.Locator(".reveal-correct")).ToHaveTextAsync("Right: ann");
        await Expect(panel.Locator(".game-countdown")).ToHaveTextAsync(string.Empty);

        // The reveal outlives the session: a later session without a game does not clear it.
        await Call(page, "null");
        await Expect(panel.Locator(".reveal-robot")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned ?? null"));
        Assert.Equal(0, await panel.Locator("img").CountAsync());
    }

    private static async Task Call(IPage page, string game) => await page.EvaluateAsync($"() => window.panel.setGame({game})");

    private static string Js(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
