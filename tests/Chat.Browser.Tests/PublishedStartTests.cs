using System.Net;
using Chat.Browser.Tests.Infrastructure;

namespace Chat.Browser.Tests;

/// <summary>
/// The published service started the way an operator starts it,
/// `dotnet /srv/chat/Chat.Web.dll --urls ...` from some other folder: it finds its page
/// and settings in its own folder, and a fresh install's defaults hold even without
/// appsettings.json. No browser needed: plain HTTP and the process's console log.
/// </summary>
public sealed class PublishedStartTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StartedFromAnotherFolder_ServesThePage_OffersEliza_AndKeepsSqlOutOfTheLog(bool withAppSettings)
    {
        await using var server = await ChatServer.StartPublishedAsync(app =>
        {
            if (!withAppSettings)
            {
                foreach (var settings in app.EnumerateFiles("appsettings*.json"))
                {
                    settings.Delete();
                }
            }
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var ct = TestContext.Current.CancellationToken;

        using var page = await http.GetAsync(new Uri("/", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(ct), StringComparison.OrdinalIgnoreCase);

        var robots = await http.GetStringAsync(new Uri("/api/robots", UriKind.Relative), ct);
        Assert.Contains("\"eliza\"", robots, StringComparison.Ordinal);

        // Information is logged (the host's start-up lines), yet none of the SQL that
        // the start-up migration ran: Entity Framework is held at Warning.
        Assert.Contains(server.Log, line => line.Contains("Application started", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Log, line => line.Contains("Executed DbCommand", StringComparison.Ordinal));
    }
}
