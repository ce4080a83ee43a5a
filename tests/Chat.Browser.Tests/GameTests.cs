using System.Text.RegularExpressions;
using Chat.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Browser.Tests;

/// <summary>
/// Three people and a robot play "who is the robot?" to the reveal: the phase
/// banner and countdown, a changeable vote for another player, the votes count,
/// and the reveal, which stays on the page after the session ends. Skipped on a
/// build whose sessions carry no <c>game</c>.
/// </summary>
public sealed partial class GameTests(ChatSite site)
{
    private static readonly LocatorAssertionsToHaveTextOptions Long = new() { Timeout = 90_000 };

    [Fact]
    public async Task ThreePlayers_PlayToTheReveal_WhichStaysReadableAfterTheSessionEnds()
    {
        await using var ann = await ChatUser.RegisterAsync(site, "ann");
        await using var bob = await ChatUser.RegisterAsync(site, "bob");
        await using var cleo = await ChatUser.RegisterAsync(site, "cleo");
        var room = Unique.Room("game");
        var robots = await RobotsAsync(ann);
        Assert.SkipWhen(robots.Length == 0, "The service offers no robot models.");

        var form = ann.Page.Locator("#host-form");
        await form.GetByLabel("Room name").FillAsync(room);
        await form.GetByLabel("Max players").FillAsync("3");
        await form.GetByLabel("Robot").SelectOptionAsync(robots[0]);
        await form.GetByRole(AriaRole.Button, new() { Name = "Host" }).ClickAsync();
        await ann.ExpectInRoomAsync(room);
        Assert.SkipUnless(await HasGameAsync(ann, room), "This build's sessions carry no game (the game core is not merged).");

        await bob.JoinFromListAsync(room);
        await cleo.JoinFromListAsync(room);
        ChatUser[] people = [ann, bob, cleo];
        foreach (var person in people)
        {
            await Expect(Panel(person)).ToContainTextAsync("Chat: who is the robot?", new() { Timeout = 20_000 });
            await Expect(Panel(person).Locator(".game-countdown")).ToHaveTextAsync(Countdown());
        }

        await ann.SendAsync("so who is it?");

        foreach (var person in people)
        {
            await Expect(Panel(person).Locator(".game-phase")).ToHaveTextAsync("Vote: who is the robot?", Long);
        }

        var names = await ann.Page.Locator("#players-list li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.player)");
        var robot = Assert.Single(names, n => n != ann.Name && n != bob.Name && n != cleo.Name);

        // Each sees a vote for every other player and none for themselves.
        await Expect(Panel(ann).Locator(".vote-button")).ToHaveCountAsync(3);
        await Expect(Panel(ann).Locator($"[data-suspect=\"{ann.Name}\"]")).ToHaveCountAsync(0);

        // Bob changes his mind: the pressed choice follows.
        await Vote(bob, cleo.Name);
        await Vote(bob, ann.Name);
        await Expect(Panel(bob).Locator($"[data-suspect=\"{cleo.Name}\"]")).ToHaveAttributeAsync("aria-pressed", "false");

        // Ann votes from the keyboard.
        await Panel(ann).Locator($"[data-suspect=\"{robot}\"]").FocusAsync();
        await ann.Page.Keyboard.PressAsync("Enter");
        await Expect(Panel(ann).Locator($"[data-suspect=\"{robot}\"]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Panel(ann).Locator(".game-votes")).ToContainTextAsync(VotesCount());

        await Vote(cleo, robot);

        foreach (var person in people)
        {
            await Expect(Panel(person).Locator(".reveal-robot")).ToHaveTextAsync(new Regex($"The robot was {Regex.Escape(robot)}"), Long);
            await Expect(Panel(person).Locator($"[data-voter=\"{ann.Name}\"]")).ToContainTextAsync($"voted for {robot}");
            await Expect(Panel(person).Locator(".reveal-correct")).ToContainTextAsync(ann.Name);
        }

        // The session has ended; the reveal stays.
        await Expect(ann.Banner).ToContainTextAsync("no longer a player", new() { Timeout = 20_000 });
        await Expect(Panel(ann).Locator(".reveal-robot")).ToBeVisibleAsync();
        await ann.ScreenshotAsync("reveal");
    }

    private static ILocator Panel(ChatUser user) => user.Page.Locator("#game-panel");

    private static async Task Vote(ChatUser user, string suspect)
    {
        var button = Panel(user).Locator($"[data-suspect=\"{suspect}\"]");
        await button.ClickAsync();
        await Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
    }

    private static async Task<bool> HasGameAsync(ChatUser user, string room)
    {
        var response = await user.Page.APIRequest.GetAsync("/api/lobby/sessions");
        var body = (await response.JsonAsync())!.Value;
        var sessions = body.GetProperty("pending_sessions").EnumerateArray().Concat(body.GetProperty("active_sessions").EnumerateArray());
        return sessions.Any(s => s.GetProperty("room").GetString() == room && s.TryGetProperty("game", out _));
    }

    private static async Task<string[]> RobotsAsync(ChatUser user)
    {
        var offered = await user.Page.APIRequest.GetAsync("/api/robots");
        return (await offered.JsonAsync())?.GetProperty("robots").EnumerateArray().Select(r => r.GetString()!).ToArray() ?? [];
    }

    [GeneratedRegex(@"^\d+:\d\d left$")]
    private static partial Regex Countdown();

    [GeneratedRegex(@"\d of \d+ voters voted")]
    private static partial Regex VotesCount();
}
