using Microsoft.Playwright;

namespace Chat.Browser.Tests.Infrastructure;

/// <summary>
/// One running service and one headless Chromium for the whole test assembly; each
/// test gets fresh browser contexts, so every user has their own cookie jar.
/// Without Debian's Chromium the tests skip, except in CI, where that is a failure.
/// </summary>
public sealed class ChatSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // Headless on a closed network: no sandbox as root, and none of Chromium's own
    // background connections, which this machine refuses.
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private ChatServer? server;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private string? unavailable;

    private static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public Uri BaseAddress => server?.BaseAddress ?? throw new InvalidOperationException("The service is not running.");

    public async ValueTask InitializeAsync()
    {
        // Two users, a server and a browser share two cores here: allow for a slow moment.
        Assertions.SetDefaultExpectTimeout(10_000);
        Artifacts.Clear("screenshots");
        if (!File.Exists(ChromiumPath))
        {
            unavailable = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium).";
            return;
        }

        server = await ChatServer.StartAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A new user's browser: its own cookies, pointed at the service.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        RequireBrowser();
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseAddress.ToString();
        options.Locale ??= "en-GB";
        options.TimezoneId ??= "UTC";
        var context = await browser!.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public string ServerLog() => server?.RecentLog() ?? string.Empty;

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    private void RequireBrowser()
    {
        if (unavailable is null)
        {
            return;
        }

        if (InCi)
        {
            Assert.Fail($"{unavailable} CI must install it.");
        }

        Assert.Skip(unavailable);
    }
}
