using System.Text.Json;
using Chat.Infrastructure.Persistence;
using Chat.Infrastructure.Presence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Presence.Support;

/// <summary>What the server has recorded, read from its database: the only way to know it has seen a close.</summary>
public static class ServerState
{
    public static async Task<int> UserId(Person person, PresenceApp app)
    {
        ArgumentNullException.ThrowIfNull(person);
        using var response = await person.Get(app, "/api/lobby");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return body.RootElement.GetProperty("data").GetProperty("user").GetProperty("id").GetInt32();
    }

    public static async Task<int> OpenConnections(PresenceApp app, int userId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChatDbContext>().Set<ConnectionRecord>()
            .CountAsync(c => c.UserId == userId && c.ClosedAtMs == null, TestContext.Current.CancellationToken);
    }
}
