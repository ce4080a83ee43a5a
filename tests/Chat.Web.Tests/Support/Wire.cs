using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Chat.Web.Tests.Support;

/// <summary>Reads and checks the contract's JSON exactly as it crossed the wire.</summary>
public static partial class Wire
{
    /// <summary>How the tests write request bodies: the contract's snake_case.</summary>
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static readonly string[] UserMembers = ["id", "username", "session_id", "state"];

    public static readonly string[] SessionMembers =
        ["id", "room", "robot", "host_id", "host", "state", "max_players_allowed", "players", "created_at", "game"];

    public static readonly string[] GameMembers = ["phase", "ends_at", "votes_cast", "voters", "result"];

    public static readonly string[] ResultMembers = ["robot", "votes", "correct", "robot_caught"];

    public static readonly string[] MessageMembers = ["id", "session_id", "room", "from", "message", "timestamp", "kind", "seq", "client_msg_id"];

    /// <summary>Asserts a 200 with a JSON body and returns the body.</summary>
    public static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return Parse(text);
    }

    /// <summary>
    /// Asserts the contract's failure shape: the status, an RFC 9457 problem body that
    /// carries <c>"did_succeed": false</c> and a readable <c>message</c>. Returns the body.
    /// </summary>
    public static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = Parse(text);
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(body.GetProperty("did_succeed").GetBoolean());
        AssertReadable(body.GetProperty("message").GetString());
        return body;
    }

    /// <summary>A 400 problem whose <c>errors</c> name each of <paramref name="fields"/> with a readable reason.</summary>
    public static async Task<JsonElement> ValidationProblem(HttpResponseMessage response, params string[] fields)
    {
        var body = await Problem(response, HttpStatusCode.BadRequest);
        var errors = body.GetProperty("errors");
        foreach (var field in fields)
        {
            Assert.True(errors.TryGetProperty(field, out var reasons), $"No error for '{field}' in {errors}");
            Assert.NotEqual(0, reasons.GetArrayLength());
            foreach (var reason in reasons.EnumerateArray())
            {
                AssertReadable(reason.GetString());
            }
        }

        return body;
    }

    /// <summary>A sentence for a person: not empty, no type names or stack frames.</summary>
    public static void AssertReadable(string? message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message), "The message is empty.");
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), message);
        Assert.DoesNotContain("Something went wrong on our side", message, StringComparison.Ordinal);
    }

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static string Str(this JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new InvalidOperationException($"'{name}' is null in {element}");

    public static int Number(this JsonElement element, string name) => element.GetProperty(name).GetInt32();

    public static long LongNumber(this JsonElement element, string name) => element.GetProperty(name).GetInt64();

    public static bool IsNull(this JsonElement element, string name) => element.GetProperty(name).ValueKind == JsonValueKind.Null;

    public static string[] Strings(this JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    public static JsonElement[] Items(this JsonElement array) => [.. array.EnumerateArray()];

    public static string[] Members(this JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    /// <summary>Asserts that an object has exactly these members, no more, no fewer.</summary>
    public static void AssertMembers(JsonElement element, params string[] names) =>
        Assert.Equal([.. names.Order(StringComparer.Ordinal)], element.Members());

    /// <summary>ISO 8601 UTC with milliseconds and a Z, as the contract gives.</summary>
    public static void AssertTimestamp(string? value) =>
        Assert.Matches(Timestamp(), value ?? string.Empty);

    [GeneratedRegex(@"\bat [\w.`<>]+\.[\w<>]+\(")]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")]
    private static partial Regex Timestamp();
}
