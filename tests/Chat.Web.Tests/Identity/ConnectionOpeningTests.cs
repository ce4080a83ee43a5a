using Chat.Web.Identity;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Identity;

/// <summary>
/// What the service does as a hub connection opens: it reads the caller once, so the
/// connection's calls need not read the claims again; and the request the connection
/// lives in, which lasts as long as the connection, then keeps neither a copy of the
/// sign-in cookie nor the state its sign-in was read into.
/// </summary>
public sealed class ConnectionOpeningTests(ProbedApp app) : IClassFixture<ProbedApp>
{
    [Fact]
    public async Task HubConnection_OfTheService_HasItsCallerRememberedAsItOpens()
    {
        var alice = await app.SignUp();

        await alice.Connect();

        var opening = await app.OpeningOf(alice.Username);
        Assert.NotNull(opening.RememberedCaller);
        Assert.Equal(alice.Username, opening.RememberedCaller.Username);
    }

    [Fact]
    public async Task HubConnection_OfTheService_KeepsNoSignInCookieOnceOpen()
    {
        var alice = await app.SignUp();

        await alice.Connect();

        var opening = await app.OpeningOf(alice.Username);
        Assert.Equal(0, opening.CookiesKept);
    }

    [Fact]
    public async Task HubConnection_OfTheService_KeepsNoSignInStateOnceOpen()
    {
        var alice = await app.SignUp();

        await alice.Connect();
        await app.OpeningOf(alice.Username);

        Assert.True(app.SignInsRead(alice.Username) >= 2, "The negotiate and the connection's own request both read the cookie.");
        Assert.Equal(0, app.SignInStatesAlive(alice.Username));
    }

    [Fact]
    public async Task HubConnection_ThatForgotItsCookie_StillSpeaksForItsUser()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var alices = await alice.Enter(room);
        var bobs = await bob.Enter(room);

        await alices.Say(room, "still alice");

        var heard = await bobs.NextMessageSaying("still alice");
        Assert.Equal(alice.Username, heard.Str("from"));
    }
}
