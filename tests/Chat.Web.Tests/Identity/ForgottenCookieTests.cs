using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Identity;

/// <summary>
/// The request a hub connection lives in lasts as long as the connection; once the
/// connection is open it keeps no copy of the sign-in cookie.
/// </summary>
public sealed class ForgottenCookieTests(ProbedApp app) : IClassFixture<ProbedApp>
{
    [Fact]
    public async Task HubConnection_OfTheService_KeepsNoSignInCookieOnceOpen()
    {
        var alice = await app.SignUp();

        await alice.Connect();

        var opening = await app.OpeningOf(alice.Username);
        Assert.Equal(0, opening.CookiesKept);
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
