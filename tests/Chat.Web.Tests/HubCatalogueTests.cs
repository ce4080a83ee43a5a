using System.Reflection;
using Chat.Infrastructure.Realtime;
using Chat.Web.Hubs;
using Chat.Web.Limits;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Chat.Web.Tests;

/// <summary>
/// The hub's catalogue is what docs/realtime.md says, and it names exactly the hub's
/// methods, the limit table's methods and the events the server sends.
/// Set CHAT_WRITE_DOCS=1 to rewrite the page's generated part from the catalogue.
/// </summary>
public sealed class HubCatalogueTests
{
    private const string Start = "<!-- generated from HubCatalogue: start -->";
    private const string End = "<!-- generated from HubCatalogue: end -->";

    [Fact]
    public void Catalogue_NamesEveryHubMethod()
    {
        var hubMethods = typeof(ChatHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == typeof(ChatHub))
            .Select(m => m.GetCustomAttribute<HubMethodNameAttribute>()?.Name ?? m.Name);

        Assert.Equal(Sorted(hubMethods), Sorted(HubCatalogue.Methods.Select(m => m.Name)));
    }

    [Fact]
    public void LimitTable_ListsEveryHubMethod()
    {
        using var limits = new HubLimits(Options.Create(new LimitsOptions()));

        Assert.Equal(Sorted(HubCatalogue.Methods.Select(m => m.Name)), Sorted(limits.Methods));
    }

    [Fact]
    public void Catalogue_NamesEveryEvent()
    {
        var events = typeof(ChatEvents).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(Sorted(events), Sorted(HubCatalogue.Events.Select(e => e.Name)));
    }

    [Fact]
    public void RealtimePage_SaysWhatTheCatalogueSays()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "realtime.md");
        var page = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = page.IndexOf(Start, StringComparison.Ordinal);
        var end = page.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/realtime.md has no section marked {Start} ... {End}.");
        var expected = "\n" + HubCatalogue.ToMarkdown();
        var actual = page[(start + Start.Length)..end];

        if (actual != expected && Environment.GetEnvironmentVariable("CHAT_WRITE_DOCS") == "1")
        {
            File.WriteAllText(path, page[..(start + Start.Length)] + expected + page[end..]);
            return;
        }

        Assert.True(actual == expected, "docs/realtime.md no longer matches HubCatalogue; run the tests with CHAT_WRITE_DOCS=1 to rewrite it.\n" + expected);
    }

    [Theory]
    [InlineData("realtime.md")]
    [InlineData("api.md")]
    public void Pages_SayHowManyCallsAConnectionMayHaveUnderWay(string page)
    {
        var text = string.Join(' ', File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", page)).Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

        Assert.Contains($"up to {ChatHubEndpoint.MaxParallelInvocationsPerClient} calls under way", text, StringComparison.Ordinal);
        Assert.DoesNotContain("one call at a time", text, StringComparison.Ordinal);
    }

    private static string[] Sorted(IEnumerable<string> names) => [.. names.Order(StringComparer.Ordinal)];

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Chat.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Chat.sln) is not above the test output.");
    }
}
