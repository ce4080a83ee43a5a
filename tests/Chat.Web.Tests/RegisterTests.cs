using System.Net;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests;

/// <summary><c>POST /api/register</c>: success and each failure of the contract's row.</summary>
public sealed class RegisterTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task Register_WithAValidName_ReturnsTheSeedBodyAndSignsIn()
    {
        var client = app.Anonymous();
        var name = Unique.Name("alice");

        var response = await client.Post("/api/register", new { username = name });

        var body = await Wire.Ok(response);
        Wire.AssertMembers(body, "did_succeed", "message", "data");
        Assert.True(body.GetProperty("did_succeed").GetBoolean());
        Assert.Equal("Registration Success!", body.Str("message"));
        Wire.AssertMembers(body.GetProperty("data"), "user");
        Assert.Equal(name, body.GetProperty("data").Str("user"));
        Assert.Equal(name, (await client.Me()).Str("username"));
    }

    [Fact]
    public async Task Register_SetsAnHttpOnlySameSiteStrictCookie_NotSecureOverPlainHttp()
    {
        var response = await app.Anonymous().Post("/api/register", new { username = Unique.Name() });

        await Wire.Ok(response);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ChatClient.AuthCookieName + "=", StringComparison.Ordinal));
        var attributes = cookie.Split(';').Select(a => a.Trim().ToUpperInvariant()).ToList();
        Assert.Contains("HTTPONLY", attributes);
        Assert.Contains("SAMESITE=STRICT", attributes);
        Assert.DoesNotContain("SECURE", attributes);
    }

    [Theory]
    [InlineData("Zoë")]
    [InlineData("Даша")]
    [InlineData("alice42")]
    [InlineData("李雷")]
    public async Task Register_LettersAndDigitsOfAnyScript_AreAccepted(string stem)
    {
        var name = Unique.Name(stem);

        var body = await (await app.SignUp(name)).Me();

        Assert.Equal(name, body.Str("username"));
    }

    [Fact]
    public async Task Register_ThirtyCharacters_IsAccepted()
    {
        var name = Unique.Name("n");
        name += new string('x', 30 - name.Length);

        var client = await app.SignUp(name);

        Assert.Equal(name, client.Username);
    }

    [Fact]
    public async Task Register_DecomposedName_IsStoredNfcNormalised()
    {
        var suffix = Unique.Name(string.Empty);
        var decomposed = "Zoe\u0308" + suffix;

        var client = await app.SignUp(decomposed);

        Assert.Equal("Zo\u00EB" + suffix, client.Username);
        Assert.Equal("Zo\u00EB" + suffix, (await client.Me()).Str("username"));
    }

    [Fact]
    public async Task Register_NameTakenIgnoringCase_Is409AndAddsNobody()
    {
        var name = Unique.Name("bob");
        await app.SignUp(name);
        var users = await Users();
        var other = app.Anonymous();

        var response = await other.Post("/api/register", new { username = name.ToUpperInvariant() });

        await Wire.Problem(response, HttpStatusCode.Conflict);
        Assert.Equal(users, await Users());
        Assert.Null(other.AuthCookie);
    }

    [Fact]
    public async Task Register_NfcEquivalentOfATakenName_Is409()
    {
        var suffix = Unique.Name(string.Empty);
        await app.SignUp("Zo\u00EB" + suffix);

        var response = await app.Anonymous().Post("/api/register", new { username = "ZOE\u0308" + suffix });

        await Wire.Problem(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Register_FullWidthLookAlikeOfATakenName_Is409()
    {
        var name = Unique.Name("eve");
        await app.SignUp(name);
        var fullWidth = string.Concat(name.Select(c => (char)(c + 0xFEE0)));

        var response = await app.Anonymous().Post("/api/register", new { username = fullWidth });

        await Wire.Problem(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Register_WhenAlreadySignedIn_Is409AndKeepsTheFirstSignIn()
    {
        var client = await app.SignUp();
        var users = await Users();

        var response = await client.Post("/api/register", new { username = Unique.Name() });

        await Wire.Problem(response, HttpStatusCode.Conflict);
        Assert.Equal(users, await Users());
        Assert.Equal(client.Username, (await client.Me()).Str("username"));
    }

    private async Task<string> Users() =>
        (await Wire.Ok(await app.Anonymous().Get("/api/lobby/users"))).GetProperty("users").GetRawText();
}
