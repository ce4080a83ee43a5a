using System.Net;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Operations;

/// <summary>
/// The storage under the service's SQLite file stops taking writes (every write fails,
/// as on a full disk): writes are answered with a 503 problem (REST) or a readable
/// refusal (hub), never a 500 or a hang; <c>/health/ready</c> says 503; reads go on; once
/// the storage takes writes again the same process writes again, without a restart.
/// </summary>
[Collection(HeavyLoadCollection.Name)]
public sealed class RefusedWritesTests : IDisposable
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    private readonly DatabaseFolder _folder = new("chat-refused-writes-");

    private string DatabasePath => _folder.DatabasePath;

    [Fact]
    public async Task WhenTheDiskTakesNoWrites_WritesAre503AndRefused_ReadyIs503_ThenEverythingWorksAgain()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("Refusing a process's file writes (prlimit) needs Linux.");
        }

        await using var server = await ChatProcess.Start(DatabasePath, fileWritesCanFail: true);
        var (room, alice, bob) = await server.HostAndJoin();
        var carol = await server.SignUp();
        var alices = await alice.Enter(room);
        await alices.Say(room, "before");

        await server.RefuseFileWrites();
        try
        {
            var host = await carol.Post("/api/lobby", new { type = "host", room = Unique.Room() }).WaitAsync(Prompt, TestContext.Current.CancellationToken);
            var problem = await Wire.Problem(host, HttpStatusCode.ServiceUnavailable);
            Assert.Contains("try again", problem.Str("message"), StringComparison.Ordinal);
            Assert.True(host.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 says when to try again");

            var reason = await alices.InvokeRefused("message", new { from = alice.Username, room, message = "while full", client_msg_id = "m1" }).WaitAsync(Prompt, TestContext.Current.CancellationToken);
            Assert.Contains("cannot store messages right now", reason, StringComparison.Ordinal);

            using var ready = await carol.Get("/health/ready").WaitAsync(Prompt, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);

            // Reading needs no writes: the lobby and the history still answer.
            await Wire.Ok(await carol.Get("/api/lobby/sessions"));
            Assert.Contains(await bob.History(room), m => m.Str("message") == "before");
        }
        finally
        {
            await server.AllowFileWrites();
        }

        var resent = await alices.Invoke("message", new { from = alice.Username, room, message = "while full", client_msg_id = "m1" });
        Assert.Equal("while full", resent.Str("message"));
        await Wire.Ok(await carol.Post("/api/lobby", new { type = "host", room = Unique.Room() }));
        Assert.Single(await bob.History(room), m => m.Str("message") == "while full");
        using var readyAgain = await carol.Get("/health/ready");
        Assert.Equal(HttpStatusCode.OK, readyAgain.StatusCode);
        // EF logs each failed command, and the health service each unhealthy check, itself;
        // nothing of ours failed unexpectedly (a 500 would).
        Assert.DoesNotContain(server.Failures, l => !l.StartsWith("fail: Microsoft.EntityFrameworkCore.", StringComparison.Ordinal)
            && !l.StartsWith("fail: Microsoft.Extensions.Diagnostics.HealthChecks.", StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();
}
