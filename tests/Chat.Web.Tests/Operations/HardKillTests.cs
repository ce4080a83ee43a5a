using System.Collections.Concurrent;
using System.Diagnostics;
using Chat.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;

namespace Chat.Web.Tests.Operations;

/// <summary>
/// The service killed with SIGKILL while clients send as fast as they can over real
/// sockets: every message it acknowledged is in the database exactly once after a
/// restart on the same file, the room's seqs run 1..N without a gap, and the restarted
/// service serves. On its own: it loads the machine on purpose.
/// </summary>
[Collection(HeavyLoadCollection.Name)]
public sealed class HardKillTests : IDisposable
{
    private const int Senders = 4;
    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromSeconds(2);

    private readonly DatabaseFolder _folder = new("chat-hard-kill-");

    private string DatabasePath => _folder.DatabasePath;

    [Fact]
    public async Task KilledUnderLoad_LosesNoAcknowledgedMessage_AndSeqsStayGapFree()
    {
        var acknowledged = new ConcurrentDictionary<string, long>();
        string room = Unique.Room();
        await using (var server = await ChatProcess.Start(DatabasePath))
        {
            var people = new List<ChatClient>();
            for (var i = 0; i < Senders; i++)
            {
                var person = new ChatClient(server.BaseAddress);
                await person.Register(Unique.Name());
                people.Add(person);
            }

            await Wire.Ok(await people[0].Post("/api/lobby", new { type = "host", room, max_players_allowed = Senders + 1 }));
            foreach (var person in people.Skip(1))
            {
                await person.Join(room);
            }

            var connections = new List<RoomConnection>();
            foreach (var person in people)
            {
                var connection = await person.Connect();
                await connection.Join(room);
                connections.Add(connection);
            }

            using var stop = new CancellationTokenSource();
            var sending = connections.Select(c => SendUntilFailure(c, room, acknowledged, stop.Token)).ToList();
            await Task.Delay(LoadBeforeKill, TestContext.Current.CancellationToken);
            await server.KillHard();
            await stop.CancelAsync();
            await Task.WhenAll(sending);
            foreach (var person in people)
            {
                await person.DisposeAsync();
            }
        }

        Assert.True(acknowledged.Count >= 20, $"the load was too light to mean anything: {acknowledged.Count} messages acknowledged before the kill");

        await using (var restarted = await ChatProcess.Start(DatabasePath))
        {
            var stored = await StoredMessages(room);
            foreach (var (clientMsgId, seq) in acknowledged)
            {
                var copies = stored.Where(m => m.ClientMsgId == clientMsgId).ToList();
                Assert.True(copies.Count == 1, $"{clientMsgId} was acknowledged with seq {seq} but stored {copies.Count} times");
                Assert.Equal(seq, copies[0].Seq);
            }

            var seqs = stored.Select(m => m.Seq).Order().ToList();
            Assert.Equal(Enumerable.Range(1, seqs.Count).Select(s => (long)s), seqs);

            // The restarted service serves over the file the killed one left.
            var reader = new ChatClient(restarted.BaseAddress);
            await reader.Register(Unique.Name());
            await Wire.Ok(await reader.Get("/api/lobby/sessions"));
            await reader.DisposeAsync();
        }
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Sends numbered messages, each with its client id, one after another until the server goes away.</summary>
    private static async Task SendUntilFailure(RoomConnection connection, string room, ConcurrentDictionary<string, long> acknowledged, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var clientMsgId = $"{connection.Username}-{i}";
            try
            {
                var stored = await connection.Hub.InvokeAsync<System.Text.Json.JsonElement>(
                    "message", new { from = connection.Username, room, message = $"load {i}", client_msg_id = clientMsgId }, stop);
                acknowledged[clientMsgId] = stored.LongNumber("seq");
            }
#pragma warning disable CA1031 // Whatever the dying socket throws, this sender is done; what it had acknowledged counts.
            catch (Exception)
#pragma warning restore CA1031
            {
                return;
            }
        }
    }

    private async Task<List<(string? ClientMsgId, long Seq)>> StoredMessages(string room)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT m.ClientMsgId, m.Seq FROM Messages m JOIN Sessions s ON s.Id = m.SessionId
            WHERE s.Room = $room
            """;
        command.Parameters.AddWithValue("$room", room);
        var rows = new List<(string?, long)>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1)));
        }

        return rows;
    }
}
