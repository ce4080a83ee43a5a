using System.Net;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Limits;

/// <summary><c>Limits:RegistrationsPerMinute</c>: per client address on <c>POST /api/register</c>.</summary>
public sealed class RegistrationLimitTests(RegistrationLimitApp app) : IClassFixture<RegistrationLimitApp>
{
    [Fact]
    public async Task Register_OverTheConfiguredLimit_Is429AndSignsNobodyIn_WhileAnotherAddressIsServed()
    {
        using var crowded = new AddressClient(app.BaseAddress, IPAddress.Parse("127.0.0.5"));
        for (var i = 0; i < RegistrationLimitApp.RegistrationsPerMinute; i++)
        {
            await Wire.Ok(await crowded.Register(Unique.Name()));
        }

        var name = Unique.Name();
        var refused = await crowded.Register(name);

        await TooManyRequests.Assert429(refused);
        Assert.False(refused.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain(name, await ListedNames());
        using var other = new AddressClient(app.BaseAddress, IPAddress.Parse("127.0.0.6"));
        await Wire.Ok(await other.Register(Unique.Name()));
    }

    private async Task<string[]> ListedNames() =>
        [.. (await Wire.Ok(await app.Anonymous().Get("/api/lobby/users"))).GetProperty("users").EnumerateArray().Select(u => u.Str("username"))];
}
