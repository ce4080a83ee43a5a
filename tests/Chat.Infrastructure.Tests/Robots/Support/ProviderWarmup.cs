using static Chat.Infrastructure.Tests.Robots.Support.RobotTestData;

namespace Chat.Infrastructure.Tests.Robots.Support;

/// <summary>
/// The first request in a process pays for JIT and connection set-up (seconds
/// on a busy two-core machine), which would eat a 500 ms timeout by itself.
/// Timing tests await this first so they measure the timeout, not the warm-up.
/// </summary>
internal static class ProviderWarmup
{
    private static readonly Lazy<Task> Once = new(RunAsync);

    public static Task EnsureAsync() => Once.Value;

    private static async Task RunAsync()
    {
        await using var server = await StubCompletionsServer.StartAsync(StubReplies.Answer("warm up"));
        using var clients = ClientsFor(server.Endpoint, TimeSpan.FromSeconds(60));
        var client = clients.ClientFor(StubModelKey);
        await client.GetResponseAsync(Conversation(Said("warm", "up")));
        await client.GetStreamingResponseAsync(Conversation(Said("warm", "up"))).ToListAsync();
    }
}
