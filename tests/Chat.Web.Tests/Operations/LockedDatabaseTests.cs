using System.Net;
using Chat.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Chat.Web.Tests.Operations;

/// <summary>
/// Another process holds the SQLite file's write lock past the busy timeout: every
/// write is answered at once with a 503 problem (REST) or a readable refusal (hub),
/// never a 500 or a hang; reads go on; once the lock is released the same server
/// writes again, without a restart.
/// </summary>
public sealed class LockedDatabaseTests(LockedDatabaseTests.ShortBusyTimeout app) : IClassFixture<LockedDatabaseTests.ShortBusyTimeout>
{
    [Fact]
    public async Task WhileAnotherWriterHoldsTheLock_WritesAre503AndRefused_ThenEverythingWorksAgain()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var alices = await alice.Enter(room);
        var carol = await app.SignUp();

        await using (var holder = await HoldWriteLock(app.DatabasePath))
        {
            var host = await carol.Post("/api/lobby", new { type = "host", room = Unique.Room() });
            var problem = await Wire.Problem(host, HttpStatusCode.ServiceUnavailable);
            Assert.Contains("try again", problem.Str("message"), StringComparison.Ordinal);
            Assert.True(host.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 says when to try again");

            var reason = await alices.InvokeRefused("message", new { from = alice.Username, room, message = "while locked" });
            Assert.Contains("cannot store messages right now", reason, StringComparison.Ordinal);

            // Readers are not writers: the lobby and the history still answer.
            await Wire.Ok(await carol.Get("/api/lobby/sessions"));
            Assert.DoesNotContain(await bob.History(room), m => m.Str("message") == "while locked");
        }

        var after = await alices.Say(room, "after the lock");
        Assert.Equal("after the lock", after.Str("message"));
        await Wire.Ok(await carol.Post("/api/lobby", new { type = "host", room = Unique.Room() }));
        Assert.Single(await bob.History(room), m => m.Str("message") == "after the lock");
        Assert.DoesNotContain(await bob.History(room), m => m.Str("message") == "while locked");
    }

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

    /// <summary>The web app with a busy timeout of half a second, so a held lock fails a write quickly.</summary>
    public sealed class ShortBusyTimeout : ChatApp
    {
        public ShortBusyTimeout()
        {
            Settings["Database:BusyTimeout"] = "00:00:00.500";
        }
    }
}
