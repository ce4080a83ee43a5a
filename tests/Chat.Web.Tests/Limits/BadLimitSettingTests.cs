using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat.Web.Tests.Limits;

/// <summary>A negative limit is a mistake in the settings: the service refuses to start, saying so.</summary>
public sealed class BadLimitSettingTests
{
    [Fact]
    public async Task Start_WithANegativeLimit_FailsNamingTheSection()
    {
        var folder = Directory.CreateTempSubdirectory("chat-bad-limits-");
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:Chat", $"Data Source={Path.Combine(folder.FullName, "chat.db")}");
            builder.UseSetting("Limits:MessageBurst", "-1");
            builder.ConfigureLogging(logging => logging.ClearProviders());
        });

        var refused = Assert.ThrowsAny<Exception>(() => app.Services);

        var invalid = Assert.IsType<OptionsValidationException>(refused is AggregateException all ? all.InnerException : refused);
        Assert.Contains("Limits", invalid.Message, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }
}
