using Chat.Infrastructure.Realtime;
using Chat.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests;

/// <summary>The server forgets a hub connection when it ends, however early the client leaves.</summary>
public sealed class HubConnectionLifetimeTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task Connections_ClosedByTheClientRightAfterConnecting_AreForgottenWithoutAnError()
    {
        var alice = await app.SignUp();
        var id = (await alice.Me()).Number("id");
        var registry = app.Services.GetRequiredService<ConnectionRegistry>();

        for (var i = 0; i < 10; i++)
        {
            await using var connection = await RoomConnection.Open(app.BaseAddress, alice.Username, o => o.Cookies = alice.Cookies);
        }

        await Until(() => !registry.Snapshot().Values.Contains(id));
        Assert.Empty(app.Log.Unexpected);
    }

    /// <summary>Polls a condition the server reaches on its own time; fails after a few seconds.</summary>
    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + RoomConnection.Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The server still holds connections the client closed.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
