using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests;

/// <summary>
/// Bad registrations: each is refused with its 4xx and a readable message, signs
/// nobody in, adds nobody to the user list, and never ends in a server error.
/// </summary>
public sealed class RegisterBadInputTests(ChatApp app) : IClassFixture<ChatApp>
{
    public static TheoryData<string> MalformedBodies =>
    [
        "{\"username\": ",
        "not json",
        "{\"username\": \"bob\"",
        "{\"username\": \"bob\",}",
        "{'username': 'bob'}",
        "[]",
        "\"bob\"",
        "5",
        new string('[', 200) + new string(']', 200),
    ];

    public static TheoryData<string> WronglyTypedUsernames =>
    [
        "{\"username\": 5}",
        "{\"username\": 5.5}",
        "{\"username\": true}",
        "{\"username\": [\"bob\"]}",
        "{\"username\": {\"name\": \"bob\"}}",
        "{\"USERNAME\": 5}",
    ];

    public static TheoryData<string> InvalidNames =>
    [
        string.Empty,
        " ",
        "bob smith",
        "bob!",
        "bob_1",
        "a-b",
        "bob.",
        "<script>",
        "😀",
        "bob\u0000",
        "bob\n",
        "\u202Ebob",
        new string('a', 31),
        new string('a', 10_000),
        "Server",
        "server",
        "SERVER",
        "Ｓｅｒｖｅｒ",
    ];

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Register_MalformedBody_Is400WithoutFieldErrorsAndChangesNothing(string body)
    {
        var refused = await AssertRefused(client => client.PostRaw("/api/register", body), HttpStatusCode.BadRequest);

        Assert.False(refused.TryGetProperty("errors", out _), $"A malformed body named a field: {refused}");
    }

    [Theory]
    [MemberData(nameof(WronglyTypedUsernames))]
    public async Task Register_UsernameOfTheWrongJsonType_Is400NamingTheField(string body)
    {
        var refused = await AssertRefused(client => client.PostRaw("/api/register", body), HttpStatusCode.BadRequest);

        var errors = refused.GetProperty("errors");
        Assert.True(errors.TryGetProperty("username", out var reasons), $"No error for 'username': {refused}");
        Wire.AssertReadable(reasons[0].GetString());
        Assert.Single(errors.EnumerateObject());
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task Register_WithoutABody_Is400AndChangesNothing(string body)
    {
        await AssertRefused(client => client.PostRaw("/api/register", body), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"name\": \"bob\"}")]
    [InlineData("{\"username\": null}")]
    public async Task Register_WithoutAUsername_Is400NamingTheField(string body)
    {
        var refused = await AssertRefused(client => client.PostRaw("/api/register", body), HttpStatusCode.BadRequest);

        Assert.True(refused.GetProperty("errors").TryGetProperty("username", out _));
    }

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public async Task Register_InvalidOrReservedName_Is400NamingTheField(string username)
    {
        var refused = await AssertRefused(client => client.Post("/api/register", new { username }), HttpStatusCode.BadRequest);

        Assert.True(refused.GetProperty("errors").TryGetProperty("username", out var reasons));
        Wire.AssertReadable(reasons[0].GetString());
    }

    [Fact]
    public async Task Register_ReservedName_SaysItIsReserved()
    {
        var refused = await AssertRefused(client => client.Post("/api/register", new { username = "sErVeR" }), HttpStatusCode.BadRequest);

        Assert.Contains("reserved", refused.Str("message"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Register_NameWithALoneSurrogate_Is400AndChangesNothing()
    {
        var refused = await AssertRefused(client => client.PostRaw("/api/register", "{\"username\": \"bob\\ud800\"}"), HttpStatusCode.BadRequest);

        Wire.AssertReadable(refused.Str("message"));
        Assert.True(refused.GetProperty("errors").TryGetProperty("username", out _), $"No error for 'username': {refused}");
    }

    [Fact]
    public async Task Register_BodyOverTheSizeLimit_Is413AndChangesNothing()
    {
        var body = $"{{\"username\": \"{new string('a', 70 * 1024)}\"}}";

        await AssertRefused(client => client.PostRaw("/api/register", body), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Register_BodyThatIsNotJson_Is415AndChangesNothing()
    {
        await AssertRefused(client => client.PostRaw("/api/register", "username=bob", "application/x-www-form-urlencoded"), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Register_FromABrowserAskingForHtml_StillGetsAProblemBody()
    {
        await AssertRefused(
            async client =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/register")
                {
                    Content = new StringContent("{\"username\": 5}", Encoding.UTF8, "application/json"),
                };
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
                return await client.Send(request);
            },
            HttpStatusCode.BadRequest);
    }

    private async Task<System.Text.Json.JsonElement> AssertRefused(Func<ChatClient, Task<HttpResponseMessage>> send, HttpStatusCode status)
    {
        var users = await Users();
        var errorsBefore = app.Log.Errors.Count;
        var client = app.Anonymous();

        var refused = await Wire.Problem(await send(client), status);

        Assert.Null(client.AuthCookie);
        Assert.Equal(users, await Users());
        Assert.Equal(errorsBefore, app.Log.Errors.Count);
        return refused;
    }

    private async Task<string> Users() =>
        (await Wire.Ok(await app.Anonymous().Get("/api/lobby/users"))).GetProperty("users").GetRawText();
}
