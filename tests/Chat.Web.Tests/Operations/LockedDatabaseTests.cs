using System.Net;
using Chat.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Chat.Web.Tests.Operations;

/// <summary>
/// Another process (the test) holds the service's SQLite file's write lock past the
/// busy timeout: every write is answered within it with a 503 problem (REST) or a
/// readable refusal (hub), never a 500 or a hang; reads go on; once the lock is
/// released the same process writes again, without a restart.
/// </summary>
[Collection(HeavyLoadCollection.Name)]
public sealed class LockedDatabaseTests : IDisposable
{
    private readonly DatabaseFolder _folder = new("chat-locked-");

    private string DatabasePath => _folder.DatabasePath;

    [Fact]
    public async Task WhileAnotherWriterHoldsTheLock_WritesAre503AndRefused_ThenEverythingWorksAgain()
    {
        await using var server = await ChatProcess.Start(DatabasePath, new Dictionary<string, string> { ["Database:BusyTimeout"] = "00:00:00.500" });
        var (room, alice, bob) = await server.HostAndJoin();
        var carol = await server.SignUp();
        var alices = await alice.Enter(room);

        await using (var holder = await HoldWriteLock(DatabasePath))
        {
            var host = await carol.Post("/api/lobby", new { type = "host", room = Unique.Room() });
            var problem = await Wire.Problem(host, HttpStatusCode.ServiceUnavailable);
            Assert.Contains("try again", problem.Str("message"), StringComparison.Ordinal);
            Assert.True(host.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 says when to try again");

            var reason = await alices.InvokeRefused("message", new { from = alice.Username, room, message = "while locked", client_msg_id = "m1" });
            Assert.Contains("cannot store messages right now", reason, StringComparison.Ordinal);

            // Readers are not writers: the lobby and the history still answer.
            await Wire.Ok(await carol.Get("/api/lobby/sessions"));
            Assert.DoesNotContain(await bob.History(room), m => m.Str("message") == "while locked");
        }

        // The same message sent again once the lock is gone is stored, once.
        var resent = await alices.Invoke("message", new { from = alice.Username, room, message = "while locked", client_msg_id = "m1" });
        Assert.Equal("while locked", resent.Str("message"));
        await Wire.Ok(await carol.Post("/api/lobby", new { type = "host", room = Unique.Room() }));
        Assert.Single(await bob.History(room), m => m.Str("message") == "while locked");
        // EF logs each failed command itself; nothing of ours failed unexpectedly (a 500 would).
        Assert.DoesNotContain(server.Failures, l => !l.StartsWith("fail: Microsoft.EntityFrameworkCore.", StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>A connection of the test's own that takes the write lock and keeps it until disposed.</summary>
    private static async Task<SqliteConnection> HoldWriteLock(string databasePath)
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN EXCLUSIVE;";
        await begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}
