using System.Net;
using System.Text.Json;
using Chat.Web.Tests.Support;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests;

/// <summary>
/// <c>/openapi/v1.json</c> describes every REST call the server maps, in the JSON the
/// calls speak, with their problem responses; <c>/api-docs</c> is a page that reads it.
/// </summary>
public sealed class ApiDocumentTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task Document_IsOpenApi31()
    {
        var document = await Document();

        Assert.StartsWith("3.1", document.Str("openapi"), StringComparison.Ordinal);
        Assert.Equal("Chat API", document.GetProperty("info").Str("title"));
    }

    [Fact]
    public async Task Document_HasEveryMappedRestCall()
    {
        var paths = (await Document()).GetProperty("paths");
        var mapped = RestEndpoints();

        Assert.True(mapped.Count >= 9, $"Only {mapped.Count} REST calls were found: {string.Join(", ", mapped)}");
        foreach (var (method, path) in mapped)
        {
            var documented = paths.EnumerateObject().Where(p => Normalise(p.Name) == Normalise(path)).Select(p => p.Value).ToList();
            Assert.True(documented.Count == 1, $"{path} is not in the document.");
            Assert.True(documented[0].TryGetProperty(method.ToLowerInvariant(), out _), $"{method} {path} is not in the document.");
        }
    }

    [Fact]
    public async Task Document_GivesEveryOperationAnIdOfItsOwn()
    {
        var operations = Operations(await Document()).ToList();

        var ids = operations.Select(o => o.Operation.TryGetProperty("operationId", out var id) ? id.GetString() : null).ToList();
        Assert.All(operations, o => Assert.True(o.Operation.TryGetProperty("operationId", out _), $"{o.Method} {o.Path} has no operationId."));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(operations, o => o.Path == "/api/logout" && o.Method == "get");
        Assert.Contains(operations, o => o.Path == "/api/logout" && o.Method == "post");
    }

    [Fact]
    public async Task Document_WritesBodiesAsTheWireDoes_InSnakeCase()
    {
        var document = await Document();

        var lobby = Schema(document, document.GetProperty("paths").GetProperty("/api/lobby").GetProperty("post").GetProperty("requestBody"), "application/json");
        Assert.True(lobby.GetProperty("properties").TryGetProperty("max_players_allowed", out _), lobby.ToString());
        Assert.Equal(["type"], lobby.GetProperty("required").Strings());
        var registered = Schema(document, Response(document, "/api/register", "post", "200"), "application/json");
        Assert.True(registered.GetProperty("properties").TryGetProperty("did_succeed", out _), registered.ToString());
        var session = document.GetProperty("components").GetProperty("schemas").GetProperty("SessionDto").GetProperty("properties");
        Assert.Equal(Wire.SessionMembers.Order(StringComparer.Ordinal), session.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var text = document.GetRawText();
        Assert.DoesNotContain("maxPlayersAllowed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("didSucceed", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/register", "post", "400 409 429")]
    [InlineData("/api/lobby", "get", "401")]
    [InlineData("/api/lobby", "post", "400 401 404 409 429")]
    [InlineData("/api/sessions/{room}/messages", "get", "400 401 403 404")]
    [InlineData("/api/logout", "get", "401")]
    public async Task Document_DescribesEachCallsProblems_WithTheSeedMembers(string path, string method, string statuses)
    {
        var document = await Document();

        foreach (var status in statuses.Split(' '))
        {
            var problem = Schema(document, Response(document, path, method, status), "application/problem+json");
            var members = problem.GetProperty("properties");
            Assert.True(members.TryGetProperty("did_succeed", out _), $"{method} {path} {status}: {problem}");
            Assert.True(members.TryGetProperty("message", out _), $"{method} {path} {status}: {problem}");
            Assert.True(members.TryGetProperty("errors", out _), $"{method} {path} {status}: {problem}");
        }
    }

    [Fact]
    public async Task Document_ProblemSchema_HasEveryMemberARealProblemCarries()
    {
        var document = await Document();
        var documented = Schema(document, Response(document, "/api/register", "post", "400"), "application/problem+json")
            .GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();

        var problem = await Wire.ValidationProblem(await app.Anonymous().PostRaw("/api/register", "{\"username\": 5}"), "username");

        Assert.All(problem.Members(), member => Assert.Contains(member, documented));
    }

    [Fact]
    public async Task Document_HistoryNumbersAreIntegers()
    {
        var parameters = (await Document()).GetProperty("paths").GetProperty("/api/sessions/{room}/messages").GetProperty("get").GetProperty("parameters").Items();

        foreach (var name in new[] { "after_id", "before_id", "limit" })
        {
            var parameter = Assert.Single(parameters, p => p.Str("name") == name);
            Assert.Equal("integer", parameter.GetProperty("schema").Str("type"));
        }
    }

    [Fact]
    public async Task ReferencePage_IsServedAndReadsTheDocument()
    {
        var client = app.Anonymous();

        var redirect = await client.Get("/api-docs");
        var page = await client.Get("/api-docs/");

        Assert.True(redirect.StatusCode is HttpStatusCode.Found or HttpStatusCode.MovedPermanently or HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/api-docs/scalar.js")).StatusCode);
    }

    /// <summary>Every REST call the server maps: the endpoints under the contract's <c>/api</c> prefix, with their methods.</summary>
    private List<(string Method, string Path)> RestEndpoints() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw == "/api" || raw.StartsWith("/api/", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!)))];

    private static string Normalise(string path) => path.TrimEnd('/');

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from member in path.Value.EnumerateObject()
        where member.Name is "get" or "put" or "post" or "delete" or "patch" or "head" or "options" or "trace"
        select (path.Name, member.Name, member.Value);

    private async Task<JsonElement> Document() => await Wire.Ok(await app.Anonymous().Get("/openapi/v1.json"));

    private static JsonElement Response(JsonElement document, string path, string method, string status)
    {
        var responses = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        Assert.True(responses.TryGetProperty(status, out var response), $"{method} {path} has no {status} response: {responses}");
        return response;
    }

    /// <summary>The schema of a request body or response for a media type, following a <c>$ref</c> into the components.</summary>
    private static JsonElement Schema(JsonElement document, JsonElement bodyOrResponse, string mediaType)
    {
        var schema = bodyOrResponse.GetProperty("content").GetProperty(mediaType).GetProperty("schema");
        return schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
    }
}
