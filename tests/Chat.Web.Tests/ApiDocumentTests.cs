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
    public async Task Document_ListsTheStatusCallAsTheContractSpellsIt_AndBothSpellingsAnswer()
    {
        var paths = (await Document()).GetProperty("paths");
        var client = app.Anonymous();

        Assert.True(paths.TryGetProperty("/api/", out var status), $"No /api/ in {string.Join(", ", paths.EnumerateObject().Select(p => p.Name))}");
        Assert.True(status.TryGetProperty("get", out _));
        Assert.False(paths.TryGetProperty("/api", out _));
        Assert.Equal("Chat API is running", (await Wire.Ok(await client.Get("/api/"))).Str("message"));
        Assert.Equal("Chat API is running", (await Wire.Ok(await client.Get("/api"))).Str("message"));
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
    public async Task RealResponses_MatchTheSchemasTheDocumentGivesThem()
    {
        var document = await Document();
        var anonymous = app.Anonymous();
        var (alice, bob, carol) = (app.Anonymous(), app.Anonymous(), app.Anonymous());
        var room = Unique.Room();
        var tooLarge = new string('a', 70 * 1024);

        await Conforms(document, "/api/", "get", await anonymous.Get("/api/"));
        await Conforms(document, "/api/register", "post", await app.Anonymous().Post("/api/register", new { username = Unique.Name("dave") }));
        await alice.Register(Unique.Name("alice"));
        await Conforms(document, "/api/register", "post", await anonymous.PostRaw("/api/register", "{\"username\": 5}"));
        await Conforms(document, "/api/register", "post", await anonymous.Post("/api/register", new { username = alice.Username }));
        await Conforms(document, "/api/register", "post", await anonymous.PostRaw("/api/register", $"{{\"username\": \"{tooLarge}\"}}"));
        await Conforms(document, "/api/register", "post", await anonymous.PostRaw("/api/register", "username=bob", "application/x-www-form-urlencoded"));
        await bob.Register(Unique.Name("bob"));
        await carol.Register(Unique.Name("carol"));

        await Conforms(document, "/api/lobby", "get", await alice.Get("/api/lobby"));
        await Conforms(document, "/api/lobby", "get", await anonymous.Get("/api/lobby"));
        await Conforms(document, "/api/lobby", "post", await alice.Post("/api/lobby", new { type = "host", room }));
        await Conforms(document, "/api/lobby", "post", await bob.Post("/api/lobby", new { type = "join", room }));
        await Conforms(document, "/api/lobby", "post", await carol.Post("/api/lobby", new { type = "leave" }));
        await Conforms(document, "/api/lobby", "post", await carol.Post("/api/lobby", new { type = "join", room = Unique.Room("nowhere") }));
        await Conforms(document, "/api/lobby", "post", await carol.PostRaw("/api/lobby", "[]"));
        await Conforms(document, "/api/lobby", "post", await carol.PostRaw("/api/lobby", $"{{\"type\": \"host\", \"room\": \"{tooLarge}\"}}"));
        await Conforms(document, "/api/lobby", "post", await carol.PostRaw("/api/lobby", "type=leave", "text/plain"));
        await Conforms(document, "/api/lobby", "post", await carol.Post("/api/lobby", new { type = "host", room = Unique.Room("game"), robot = "eliza", max_players_allowed = 3 }));

        await Conforms(document, "/api/lobby/sessions", "get", await anonymous.Get("/api/lobby/sessions"));
        await Conforms(document, "/api/lobby/users", "get", await anonymous.Get("/api/lobby/users"));
        await Conforms(document, "/api/robots", "get", await anonymous.Get("/api/robots"));
        await Conforms(document, "/api/stats", "get", await anonymous.Get("/api/stats"));

        await (await alice.Enter(room)).Say(room, "hello");
        const string history = "/api/sessions/{room}/messages";
        await Conforms(document, history, "get", await alice.Get(ChatClient.HistoryPath(room)));
        await Conforms(document, history, "get", await alice.Get(ChatClient.HistoryPath(room, "after_id=1&after_seq=1")));
        await Conforms(document, history, "get", await carol.Get(ChatClient.HistoryPath(room)));
        await Conforms(document, history, "get", await alice.Get(ChatClient.HistoryPath(Unique.Room("nowhere"))));
        await Conforms(document, history, "get", await anonymous.Get(ChatClient.HistoryPath(room)));

        const string vote = "/api/sessions/{room}/vote";
        await Conforms(document, vote, "post", await alice.Post(VotePath(room), new { suspect = bob.Username }));
        await Conforms(document, vote, "post", await alice.Post(VotePath(room), new { }));
        await Conforms(document, vote, "post", await alice.Post(VotePath(Unique.Room("nowhere")), new { suspect = bob.Username }));
        await Conforms(document, vote, "post", await alice.PostRaw(VotePath(room), "suspect=bob", "text/plain"));

        await Conforms(document, "/api/lobby", "post", await bob.Post("/api/lobby", new { type = "leave" }));
        await Conforms(document, "/api/logout", "get", await bob.Get("/api/logout"));
        await Conforms(document, "/api/logout", "post", await alice.Post("/api/logout", new { }));
        await Conforms(document, "/api/logout", "get", await anonymous.Get("/api/logout"));
    }

    [Fact]
    public async Task Document_DescribesTheLobbysLeaveAnswer_AsWellAsHostAndJoin()
    {
        var document = await Document();

        var ok = Response(document, "/api/lobby", "post", "200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var left = Wire.Parse("{\"message\": \"You left the session 'lounge'.\", \"did_succeed\": true}");
        var entered = Wire.Parse("{\"message\": \"You joined the session 'lounge'.\", \"data\": {\"room\": \"lounge\"}, \"did_succeed\": true, \"ws\": \"ws://localhost/chat\"}");

        Assert.Empty(SchemaCheck.Mismatches(document, ok, left));
        Assert.Empty(SchemaCheck.Mismatches(document, ok, entered));
        Assert.NotEmpty(SchemaCheck.Mismatches(document, ok, Wire.Parse("{\"did_succeed\": true}")));
    }

    [Theory]
    [InlineData("MessageDto", "timestamp")]
    [InlineData("SessionDto", "created_at")]
    [InlineData("GameDto", "ends_at")]
    public async Task Document_TimesAreStrings(string schema, string member)
    {
        var time = (await Document()).GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties").GetProperty(member);

        Assert.Equal("date-time", time.Str("format"));
        Assert.Contains("string", Types(time));
    }

    [Theory]
    [InlineData("/api/register", "post")]
    [InlineData("/api/lobby", "get")]
    [InlineData("/api/lobby", "post")]
    [InlineData("/api/lobby/sessions", "get")]
    [InlineData("/api/lobby/users", "get")]
    [InlineData("/api/sessions/{room}/messages", "get")]
    [InlineData("/api/sessions/{room}/vote", "post")]
    [InlineData("/api/logout", "get")]
    [InlineData("/api/logout", "post")]
    [InlineData("/api/stats", "get")]
    public async Task Document_CallsThatUseTheDatabase_May503WithRetryAfter(string path, string method)
    {
        var document = await Document();

        var unavailable = Response(document, path, method, "503");

        Assert.True(unavailable.GetProperty("headers").TryGetProperty("Retry-After", out _), unavailable.ToString());
        Assert.True(Schema(document, unavailable, "application/problem+json").GetProperty("properties").TryGetProperty("did_succeed", out _));
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

    /// <summary>
    /// Asserts that the response's status is one the document lists for the call, with
    /// the response's media type, and that its body conforms to that schema.
    /// </summary>
    private static async Task Conforms(JsonElement document, string path, string method, HttpResponseMessage response)
    {
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "(none)";
        var content = Response(document, path, method, status).GetProperty("content");
        Assert.True(content.TryGetProperty(mediaType, out var described), $"{method} {path} {status} is not documented as {mediaType}: {text}");

        var mismatches = SchemaCheck.Mismatches(document, described.GetProperty("schema"), Wire.Parse(text));

        Assert.True(mismatches.Count == 0, $"{method} {path} {status} does not match its schema:\n{string.Join("\n", mismatches)}\n{text}");
    }

    private static string[] Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? [] : type.ValueKind == JsonValueKind.Array ? type.Strings() : [type.GetString()!];

    private static string VotePath(string room) => $"/api/sessions/{Uri.EscapeDataString(room)}/vote";

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
