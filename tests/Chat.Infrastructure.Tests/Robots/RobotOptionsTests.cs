using Chat.Application.Common.Interfaces;
using Chat.Infrastructure.Robots;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Tests.Robots;

/// <summary>The <c>Robot</c> section as <see cref="RobotServiceCollectionExtensions.AddRobots"/> binds and checks it.</summary>
public sealed class RobotOptionsTests
{
    [Fact]
    public void AddRobots_BindsDelaysAndModels()
    {
        using var services = Services(new()
        {
            ["Robot:ReplyDelay"] = "00:00:01.500",
            ["Robot:ReplyTimeout"] = "00:00:20",
            ["Robot:Models:eliza:Provider"] = "Offline",
            ["Robot:Models:eliza:Seed"] = "3",
            ["Robot:Models:llama3:Provider"] = "OpenAI",
            ["Robot:Models:llama3:Endpoint"] = "http://localhost:11434/v1",
            ["Robot:Models:llama3:ApiKey"] = "",
            ["Robot:Models:llama3:Model"] = "llama3:8b",
        });

        var options = services.GetRequiredService<IOptions<RobotOptions>>().Value;

        Assert.Equal(TimeSpan.FromMilliseconds(1500), options.ReplyDelay);
        Assert.Equal(TimeSpan.FromSeconds(20), options.ReplyTimeout);
        Assert.Equal(3, options.Models["eliza"].Seed);
        Assert.Equal(new Uri("http://localhost:11434/v1"), options.Models["llama3"].Endpoint);
        Assert.Equal("llama3:8b", options.Models["llama3"].Model);
    }

    [Fact]
    public void StartupValidation_WithAValidSection_Passes()
    {
        using var services = Services(new() { ["Robot:Models:eliza:Provider"] = "Offline" });

        services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void StartupValidation_WithNoRobotSection_PassesAndOffersNothing()
    {
        using var services = Services([]);

        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Empty(services.GetRequiredService<IRobotCatalog>().Models);
    }

    [Theory]
    [InlineData("a-model-name-of-21-ch", "1-20 characters")]
    [InlineData("my model", "letters, digits")]
    [InlineData("émile", "letters, digits")]
    public void StartupValidation_WhenAModelNameCannotBeStored_FailsNamingIt(string key, string expected)
    {
        using var services = Services(new() { [$"Robot:Models:{key}:Provider"] = "Offline" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"Robot:Models:{key}", failure.Message, StringComparison.Ordinal);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupValidation_WhenProviderIsMissing_FailsNamingTheSetting()
    {
        using var services = Services(new() { ["Robot:Models:eliza:Seed"] = "1" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Robot:Models:eliza:Provider is required", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Provider", "Telepathy")]
    [InlineData("Seed", "forty-two")]
    [InlineData("Enabled", "maybe")]
    public void StartupValidation_WhenAValueCannotBeConverted_FailsNamingTheSettingRatherThanDroppingTheModel(string setting, string value)
    {
        var settings = new Dictionary<string, string?> { ["Robot:Models:eliza:Provider"] = "Offline" };
        settings[$"Robot:Models:eliza:{setting}"] = value;
        using var services = Services(settings);

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"Robot:Models:eliza:{setting}", failure.Message, StringComparison.Ordinal);
        Assert.Contains(value, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "llama3", "Endpoint must be an absolute http or https address")]
    [InlineData("localhost:11434/v1", "llama3", "Endpoint must be an absolute http or https address")]
    [InlineData("/v1", "llama3", "Endpoint must be an absolute http or https address")]
    [InlineData("ftp://localhost/v1", "llama3", "Endpoint must be an absolute http or https address")]
    [InlineData("http://localhost:11434/v1", null, "Model must name the provider's model")]
    [InlineData("http://localhost:11434/v1", " ", "Model must name the provider's model")]
    public void StartupValidation_WhenAnOpenAIModelIsIncomplete_FailsNamingTheSetting(string? endpoint, string? model, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Robot:Models:llama3:Provider"] = "OpenAI" };
        settings["Robot:Models:llama3:Endpoint"] = endpoint;
        settings["Robot:Models:llama3:Model"] = model;
        using var services = Services(settings);

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"Robot:Models:llama3:{expected}", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ReplyTimeout", "00:00:00", "Robot:ReplyTimeout must be positive")]
    [InlineData("ReplyTimeout", "-00:00:01", "Robot:ReplyTimeout must be positive")]
    [InlineData("ReplyDelay", "-00:00:01", "Robot:ReplyDelay must not be negative")]
    public void StartupValidation_WhenATimeIsOutOfRange_FailsNamingIt(string setting, string value, string expected)
    {
        using var services = Services(new() { [$"Robot:{setting}"] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_ListsEnabledModelsAndOffersExactNamesOnly()
    {
        using var services = Services(new()
        {
            ["Robot:Models:eliza:Provider"] = "Offline",
            ["Robot:Models:parry:Provider"] = "Offline",
            ["Robot:Models:retired:Provider"] = "Offline",
            ["Robot:Models:retired:Enabled"] = "false",
        });

        var catalog = services.GetRequiredService<IRobotCatalog>();

        Assert.Equal(["eliza", "parry"], catalog.Models);
        Assert.True(catalog.Offers("eliza"));
        Assert.False(catalog.Offers("Eliza"));
        Assert.False(catalog.Offers("eliza "));
        Assert.False(catalog.Offers("retired"));
        Assert.False(catalog.Offers("gpt-4o"));
    }

    [Fact]
    public void Clients_AreCreatedOncePerModel()
    {
        using var services = Services(new() { ["Robot:Models:eliza:Provider"] = "Offline" });
        var clients = services.GetRequiredService<IRobotChatClients>();

        Assert.Same(clients.ClientFor("eliza"), services.GetRequiredService<IRobotChatClients>().ClientFor("eliza"));
    }

    [Fact]
    public void Clients_ForAModelNotOffered_AreRefused()
    {
        using var services = Services(new()
        {
            ["Robot:Models:eliza:Provider"] = "Offline",
            ["Robot:Models:retired:Provider"] = "Offline",
            ["Robot:Models:retired:Enabled"] = "false",
        });
        var clients = services.GetRequiredService<IRobotChatClients>();

        Assert.Throws<ArgumentException>(() => clients.ClientFor("retired"));
        Assert.Throws<ArgumentException>(() => clients.ClientFor("ELIZA"));
    }

    [Fact]
    public async Task Clients_TheOfflineModel_AnswersWithoutANetwork()
    {
        using var services = Services(new() { ["Robot:Models:eliza:Provider"] = "Offline" });

        var response = await services.GetRequiredService<IRobotChatClients>().ClientFor("eliza")
            .GetResponseAsync([new ChatMessage(ChatRole.User, "hello")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(string.IsNullOrWhiteSpace(response.Text));
    }

    [Fact]
    public void ShippedAppSettings_OfferTheOfflineModelAndPassValidation()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(ShippedAppSettings(), optional: false).Build();
        using var services = new ServiceCollection().AddRobots(configuration).BuildServiceProvider();

        services.GetRequiredService<IStartupValidator>().Validate();
        var catalog = services.GetRequiredService<IRobotCatalog>();
        Assert.Contains("eliza", catalog.Models);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddRobots(configuration).BuildServiceProvider();
    }

    /// <summary>The web host's appsettings.json, found from the test's output folder up to the repository root.</summary>
    private static string ShippedAppSettings()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "Chat.Web", "appsettings.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("src/Chat.Web/appsettings.json was not found above the test output folder.");
    }
}
