using System.Net;
using System.Text;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests;

/// <summary>
/// The <c>charset</c> a JSON body declares, on every call that takes one: a name for
/// UTF-8, quoted as RFC 9110 allows or not, is read as UTF-8; a name the service cannot
/// decode is a 415 problem that says what to send, never a server error.
/// </summary>
public sealed class JsonBodyCharsetTests(ChatApp app) : IClassFixture<ChatApp>
{
    public static TheoryData<string> UnreadableCharsets =>
    [
        "UTF8",
        string.Empty,
        "\"\"",
        "utf-7",
        "bogus",
        "\"bogus\"",
    ];

    public static TheoryData<string> JsonCalls =>
    [
        "/api/register",
        "/api/lobby",
        "/api/sessions/lounge/vote",
    ];

    [Theory]
    [InlineData("\"utf-8\"")]
    [InlineData("\"UTF-8\"")]
    [InlineData("utf-8")]
    [InlineData("UTF-8")]
    public async Task Register_WithACharsetNamingUtf8_QuotedOrNot_SignsIn(string charset)
    {
        var client = app.Anonymous();
        var username = Unique.Name("Zoë");

        var body = await Wire.Ok(await client.Send(Post("/api/register", $"{{\"username\": \"{username}\"}}", charset)));

        Assert.Equal(username, body.GetProperty("data").Str("user"));
        Assert.NotNull(client.AuthCookie);
    }

    [Fact]
    public async Task Host_WithAQuotedUtf8Charset_OpensTheRoom()
    {
        var alice = await app.SignUp();
        var room = Unique.Room("salle à manger");

        var body = await Wire.Ok(await alice.Send(Post("/api/lobby", $"{{\"type\": \"host\", \"room\": \"{room}\"}}", "\"utf-8\"")));

        Assert.Equal(room, body.GetProperty("data").Str("room"));
    }

    [Theory]
    [MemberData(nameof(UnreadableCharsets))]
    public async Task Register_WithACharsetTheServiceCannotRead_Is415SayingWhatToSend_AndSignsNobodyIn(string charset)
    {
        var client = app.Anonymous();
        var errorsBefore = app.Log.Errors.Count;

        var refused = await Wire.Problem(await client.Send(Post("/api/register", $"{{\"username\": \"{Unique.Name()}\"}}", charset)), HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("UTF-8", refused.Str("message"), StringComparison.Ordinal);
        Assert.Equal(refused.Str("message"), refused.Str("detail"));
        Assert.Null(client.AuthCookie);
        Assert.Equal(errorsBefore, app.Log.Errors.Count);
    }

    [Theory]
    [MemberData(nameof(JsonCalls))]
    public async Task EveryCallWithABody_RefusesAnUnknownCharset_With415(string path)
    {
        var caller = await app.SignUp();

        var refused = await Wire.Problem(await caller.Send(Post(path, "{\"type\": \"leave\", \"suspect\": \"bob\"}", "bogus")), HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("charset", refused.Str("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallWithoutABody_IgnoresTheCharset()
    {
        var alice = await app.SignUp();

        await Wire.Ok(await alice.Send(Post("/api/logout", "{}", "bogus")));
    }

    /// <summary>A POST whose Content-Type is exactly <c>application/json; charset=…</c>, as a client may write it.</summary>
    private static HttpRequestMessage Post(string path, string json, string charset)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        Assert.True(content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}"));
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }
}
