using Chat.Web.Identity;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Identity;

/// <summary>The service reads a hub connection's caller as the connection opens, so its calls need not read the claims again.</summary>
public sealed class RememberedCallerTests(ProbedApp app) : IClassFixture<ProbedApp>
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
}
