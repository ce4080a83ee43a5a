using System.Net;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests;

/// <summary>One node without Redis: readiness is the database alone.</summary>
public sealed class HealthTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task Live_WithoutSignIn_Is200AndNamesItsCheck()
    {
        var body = await Wire.Ok(await app.Anonymous().Get("/health/live"));

        Assert.Equal("healthy", body.Str("status"));
        Assert.All(body.GetProperty("checks").Items(), c => Assert.Equal("healthy", c.Str("status")));
    }

    [Fact]
    public async Task Ready_WithoutRedisConfigured_ChecksTheDatabaseOnly()
    {
        var response = await app.Anonymous().Get("/health/ready");
        var body = await Wire.Ok(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.Str("status"));
        var check = Assert.Single(body.GetProperty("checks").Items());
        Assert.Equal("database", check.Str("name"));
        Assert.Equal("healthy", check.Str("status"));
    }
}
