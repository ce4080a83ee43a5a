using System.Net;
using Chat.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Web.Tests;

/// <summary>
/// Who may reach the hub at <c>/chat</c>: the auth cookie is required at negotiate
/// and at the WebSocket upgrade, and a browser page of a foreign origin is refused.
/// </summary>
public sealed class HubAccessTests(ChatApp app) : IClassFixture<ChatApp>
{
    private const string ForeignOrigin = "https://evil.example";

    private string OwnOrigin => $"http://{app.BaseAddress.Authority}";

    [Fact]
    public async Task Connect_WithTheCookieFromRegister_OverWebSockets_IsConnected()
    {
        var alice = await app.SignUp();

        var connection = await alice.Connect();

        Assert.Equal(HubConnectionState.Connected, connection.Hub.State);
    }

    [Fact]
    public async Task Connect_WithoutTheCookie_IsRefusedWith401()
    {
        var refused = await Assert.ThrowsAsync<HttpRequestException>(
            () => RoomConnection.Open(app.BaseAddress, "nobody", _ => { }));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Negotiate_WithoutTheCookie_Is401WithAProblemBody()
    {
        await Wire.Problem(await Negotiate(app.Anonymous(), origin: null), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Upgrade_WithoutTheCookie_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await Upgrade(cookies: null, origin: null));
    }

    [Fact]
    public async Task Negotiate_FromAForeignOrigin_Is403WithAProblemBody()
    {
        var alice = await app.SignUp();

        await Wire.Problem(await Negotiate(alice, ForeignOrigin), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Upgrade_FromAForeignOrigin_Is403()
    {
        var alice = await app.SignUp();

        Assert.Equal(HttpStatusCode.Forbidden, await Upgrade(alice.Cookies, ForeignOrigin));
    }

    [Fact]
    public async Task Connect_FromAForeignOrigin_IsRefusedWith403()
    {
        var alice = await app.SignUp();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => RoomConnection.Open(
            app.BaseAddress,
            alice.Username,
            o =>
            {
                o.Cookies = alice.Cookies;
                o.Headers["Origin"] = ForeignOrigin;
            }));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Negotiate_FromTheServicesOwnOrigin_IsServed()
    {
        var alice = await app.SignUp();

        await Wire.Ok(await Negotiate(alice, OwnOrigin));
    }

    [Fact]
    public async Task Negotiate_FromAnOriginListedInAllowedOrigins_IsServed()
    {
        var alice = await app.SignUp();

        await Wire.Ok(await Negotiate(alice, ChatApp.AllowedOrigin));
    }

    [Fact]
    public async Task Negotiate_WithoutAnOrigin_IsServed()
    {
        var alice = await app.SignUp();

        await Wire.Ok(await Negotiate(alice, origin: null));
    }

    [Fact]
    public async Task Upgrade_FromOwnOrAllowedOriginOrNone_IsAccepted()
    {
        var alice = await app.SignUp();

        Assert.Equal(HttpStatusCode.SwitchingProtocols, await Upgrade(alice.Cookies, OwnOrigin));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await Upgrade(alice.Cookies, ChatApp.AllowedOrigin));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await Upgrade(alice.Cookies, origin: null));
    }

    [Fact]
    public async Task Connect_FromAnOriginListedInAllowedOrigins_IsConnected()
    {
        var alice = await app.SignUp();

        var connection = await RoomConnection.Open(
            app.BaseAddress,
            alice.Username,
            o =>
            {
                o.Cookies = alice.Cookies;
                o.Headers["Origin"] = ChatApp.AllowedOrigin;
            });
        await using (connection)
        {
            Assert.Equal(HubConnectionState.Connected, connection.Hub.State);
        }
    }

    private static Task<HttpResponseMessage> Negotiate(ChatClient client, string? origin) => HubRequests.Negotiate(client, origin);

    private Task<HttpStatusCode> Upgrade(CookieContainer? cookies, string? origin) => HubRequests.Upgrade(app.BaseAddress, cookies, origin);
}
