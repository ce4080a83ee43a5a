using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Cluster.Tests.Infrastructure;

namespace Chat.Cluster.Tests;

/// <summary>/health/ready follows the database (and Redis) both ways, without a restart.</summary>
public sealed class ReadinessTests(ChatCluster cluster)
{
    [Fact]
    public async Task Ready_Is503WhileTheDatabaseIsStopped_And200AgainAfter_WithoutARestart()
    {
        await cluster.Ready();
        using var http = new HttpClient { BaseAddress = cluster.NodeA.BaseAddress };
        var process = cluster.NodeA.Process.Id;
        Assert.Equal(HttpStatusCode.OK, (await Ready(http)).Status);

        await cluster.StopDatabase();
        try
        {
            var down = await Until(http, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("unhealthy", down.Body.GetProperty("status").GetString());
            Assert.Equal("unhealthy", Check(down.Body, "database"));
            Assert.Equal("healthy", Check(down.Body, "redis"));

            // Alive all the while: only readiness follows the database.
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        }
        finally
        {
            await cluster.StartDatabase();
        }

        var up = await Until(http, HttpStatusCode.OK);
        Assert.Equal("healthy", Check(up.Body, "database"));
        Assert.Equal(process, cluster.NodeA.Process.Id);

        // The old server's connections may linger in the nodes' pools: start the next test clean.
        await cluster.RestartNodes();
    }

    [Fact]
    public async Task Ready_NamesRedis_And_Is503WhileRedisIsDown()
    {
        await cluster.Ready();
        using var http = new HttpClient { BaseAddress = cluster.NodeB.BaseAddress };
        var up = await Ready(http);
        Assert.Equal(HttpStatusCode.OK, up.Status);
        Assert.Equal("healthy", Check(up.Body, "redis"));
        Assert.Equal("healthy", Check(up.Body, "database"));

        await cluster.Redis.Stop();
        try
        {
            var down = await Until(http, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("unhealthy", Check(down.Body, "redis"));
        }
        finally
        {
            await cluster.Redis.Start();
        }

        await Until(http, HttpStatusCode.OK);
    }

    [Fact]
    public async Task WhileTheDatabaseIsReadOnly_WritesAre503AndRefused_ReadyIs503_ThenAllWorksAgain_WithoutARestart()
    {
        await cluster.Ready();
        var room = Names.Room();
        await using var alice = await Player.SignUp(cluster.NodeA.BaseAddress);
        await alice.Host(room);
        var aliceOnA = await alice.Enter(room);
        using var http = new HttpClient { BaseAddress = cluster.NodeA.BaseAddress };
        var text = $"read-only {Guid.NewGuid():N}";

        await cluster.MakeDatabaseReadOnly(true);
        try
        {
            // The reload reaches each server session at its next command: until then a write may pass.
            var clock = Stopwatch.StartNew();
            string? refused;
            while ((refused = await aliceOnA.TrySay(room, $"{text} {clock.ElapsedMilliseconds}")) is null)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "Messages were still stored 10 s after the database was made read-only.");
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            Assert.Contains("cannot store messages right now", refused, StringComparison.Ordinal);
            using var leave = await alice.Http.PostAsJsonAsync("/api/lobby", new { type = "leave" }, Player.Json, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, leave.StatusCode);
            Assert.Equal("application/problem+json", leave.Content.Headers.ContentType?.MediaType);
            Assert.True(leave.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 says when to try again");

            var down = await Ready(http);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
            Assert.Equal("unhealthy", Check(down.Body, "database"));

            // Reads need no writes.
            Assert.NotEmpty(await alice.History(room));
        }
        finally
        {
            await cluster.MakeDatabaseReadOnly(false);
        }

        var stored = await Eventually(() => aliceOnA.TrySay(room, $"{text} after"));
        Assert.Null(stored);
        await Until(http, HttpStatusCode.OK);
        Assert.Contains(await alice.History(room), m => m.GetProperty("message").GetString() == $"{text} after");
    }

    private static async Task<string?> Eventually(Func<Task<string?>> send)
    {
        var clock = Stopwatch.StartNew();
        string? refused;
        while ((refused = await send()) is not null && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return refused;
    }

    private static string? Check(JsonElement body, string name) =>
        body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name).GetProperty("status").GetString();

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Until(HttpClient http, HttpStatusCode wanted)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var answer = await Ready(http);
            if (answer.Status == wanted)
            {
                return answer;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"/health/ready still answered {(int)answer.Status} {answer.Body} after 15 s.");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Ready(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        return (response.StatusCode, document.RootElement.Clone());
    }
}
