using System.Net;
using System.Text.Json;
using Chat.Web.Tests.Presence.Support;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Presence;

/// <summary>A sign-in made through one process holds, and ends, on the other.</summary>
[Collection(SharedTwoServers.Name)]
public sealed class TwoServerSignInTests(TwoServers servers)
{
    [Fact]
    public async Task ACookieFromProcessA_IsAcceptedByProcessB_ForRestAndHub()
    {
        await using var alice = await Person.SignUp(servers.A, "alice");

        using var response = await alice.Get(servers.B, "/api/lobby");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(alice.Name, body.RootElement.GetProperty("data").GetProperty("user").GetProperty("username").GetString());
        await alice.Connect(servers.B);
    }

    [Fact]
    public async Task LogoutThroughProcessA_ClosesTheHubConnectionHeldByProcessB_AndEndsTheSignInThere()
    {
        var (a, b) = (servers.A, servers.B);
        var room = Unique.Room();
        await using var alice = await Person.SignUp(a, "alice");
        await alice.Host(a, room);
        var lineOnB = await alice.Enter(b, room);
        var aliceId = await alice.Id(b);
        var cookie = alice.Cookies.GetCookieHeader(b.BaseAddress);

        await alice.Logout(a);

        await lineOnB.WaitUntilClosed();
        await Eventually.True(async () => await b.OpenConnectionRows(aliceId) == 0, "alice's connection rows to be closed");
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(b.BaseAddress, "/api/lobby"));
        request.Headers.Add("Cookie", cookie);
        using var refused = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Null(await Lobby.Session(b, room));
        Assert.Empty(a.Log.Problems);
        Assert.Empty(b.Log.Problems);
    }
}
