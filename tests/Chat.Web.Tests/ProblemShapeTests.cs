using System.Net;
using System.Net.Http.Headers;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests;

/// <summary>
/// Every failure is a problem body with the seed's members, including the ones the
/// framework answers by itself and the ones asked for by a client that wants HTML.
/// </summary>
public sealed class ProblemShapeTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task UnknownApiAddress_Is404Problem()
    {
        await Wire.Problem(await app.Anonymous().Get("/api/no-such-thing"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WrongMethod_Is405Problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/lobby");

        await Wire.Problem(await app.Anonymous().Send(request), HttpStatusCode.MethodNotAllowed);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("text/plain")]
    [InlineData("image/png")]
    public async Task Unauthorized_AskedForAnotherMediaType_IsStill401Problem(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/lobby");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));

        await Wire.Problem(await app.Anonymous().Send(request), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Conflict_AskedForHtml_IsStill409Problem()
    {
        var alice = await app.SignUp();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/lobby")
        {
            Content = JsonContent(new { type = "leave" }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        await Wire.Problem(await alice.Send(request), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task HubNegotiate_AskedForHtmlWithoutCookie_IsStill401Problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/chat/negotiate?negotiateVersion=1");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        await Wire.Problem(await app.Anonymous().Send(request), HttpStatusCode.Unauthorized);
    }

    private static System.Net.Http.Json.JsonContent JsonContent(object body) =>
        System.Net.Http.Json.JsonContent.Create(body, options: Wire.Json);
}
