using Chat.Web.Tests.Support;

namespace Chat.Web.Tests;

public sealed class StatusTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task Status_WithoutSignIn_SaysTheApiIsRunning()
    {
        var body = await Wire.Ok(await app.Anonymous().Get("/api/"));

        Wire.AssertMembers(body, "message");
        Assert.Equal("Chat API is running", body.Str("message"));
    }

    [Fact]
    public async Task Robots_WithoutSignIn_ListsTheModelsAHostMayPick()
    {
        var body = await Wire.Ok(await app.Anonymous().Get("/api/robots"));

        Wire.AssertMembers(body, "message", "robots");
        Assert.Equal("Robots", body.Str("message"));
        Assert.Contains("eliza", body.GetProperty("robots").Strings());
    }

    [Fact]
    public void Database_IsTheFixturesOwnTemporaryFile() => Assert.True(File.Exists(app.DatabasePath));
}
