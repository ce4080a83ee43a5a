using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chat.Infrastructure.Realtime;
using Chat.Web.Hubs;
using Chat.Web.Tests.Limits;
using Chat.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests;

/// <summary>
/// What one connection may hold on the server is bounded: a client whose socket stops
/// reading while its room is busy is cut off, and the room goes on for everyone else.
/// </summary>
[Collection(HeavyLoadCollection.Name)]
public sealed class SlowReaderTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task Hub_AClientThatStopsReadingInABusyRoom_IsDisconnected_AndTheRoomGoesOn()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var carol = await app.SignUp();
        await carol.Join(room);
        var alices = await alice.Enter(room);
        var carols = await carol.Enter(room);
        var bobId = (await bob.Me()).Number("id");
        using var stalled = await StalledHubClient.JoinAndStopReading(app.BaseAddress, bob, room);
        var registry = app.Services.GetRequiredService<ConnectionRegistry>();
        Assert.NotEmpty(registry.ConnectionsOf(bobId));

        // Big messages fill the stalled socket and then the server's send buffer quickly.
        var text = new string('x', 1990);
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (registry.ConnectionsOf(bobId).Count > 0)
        {
            Assert.True(
                clock.Elapsed < ChatHubEndpoint.SendTimeout + TimeSpan.FromSeconds(40),
                $"Bob's stalled connection was still open after {sent} messages and {clock.Elapsed.TotalSeconds:0} s.");
            var batch = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => HubCalls.Send(alices, room, $"{sent + i} {text}")));
            Assert.All(batch, Assert.Null);
            sent += batch.Length;
        }

        var after = await alices.Say(room, "still here");
        Assert.Equal(after.GetRawText(), (await carols.NextMessageSaying("still here")).GetRawText());
        Assert.Equal(after.GetRawText(), (await carol.History(room, "limit=1")).Single().GetRawText());
    }

    [Fact]
    public async Task Hub_WhileAStalledMemberHoldsUpItsOwnSends_OthersInTheRoomAreAnsweredAndServedAtOnce()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var carol = await app.SignUp();
        await carol.Join(room);
        var dave = await app.SignUp();
        await dave.Join(room);
        var alices = await alice.Enter(room);
        var carols = await carol.Enter(room);
        var daves = await dave.Enter(room);
        var bobId = (await bob.Me()).Number("id");
        using var stalled = await StalledHubClient.JoinAndStopReading(app.BaseAddress, bob, room);
        var registry = app.Services.GetRequiredService<ConnectionRegistry>();

        // Dave fills Bob's socket and send buffer until Bob is cut off; all the while Alice's
        // messages are timed from her call to her acknowledgement and to Carol's copy.
        using var stop = new CancellationTokenSource();
        var probing = Probe(alices, carols, room, stop.Token);
        var text = new string('x', 1990);
        var clock = Stopwatch.StartNew();
        for (var round = 0; registry.ConnectionsOf(bobId).Count > 0; round++)
        {
            Assert.True(
                clock.Elapsed < ChatHubEndpoint.SendTimeout + TimeSpan.FromSeconds(40),
                $"Bob's stalled connection was still open after {clock.Elapsed.TotalSeconds:0} s.");
            var batch = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => HubCalls.Send(daves, room, $"{round} {i} {text}")));
            Assert.All(batch, Assert.Null);
        }

        await stop.CancelAsync();
        var (probes, slowestAnswer, slowestDelivery) = await probing;

        // A stalled reader costs the others nothing like the send timeout it is given.
        var prompt = TimeSpan.FromSeconds(1);
        var measured = $"{probes} messages over {clock.Elapsed.TotalSeconds:0.0} s: slowest acknowledgement {slowestAnswer.TotalMilliseconds:0} ms, slowest copy to Carol {slowestDelivery.TotalMilliseconds:0} ms.";
        Assert.True(probes > 3, measured);
        Assert.True(slowestAnswer < prompt && slowestDelivery < prompt, measured);
    }

    /// <summary>Alice's messages one after another until stopped: how many, and the slowest acknowledgement and delivery.</summary>
    private static async Task<(int Count, TimeSpan SlowestAnswer, TimeSpan SlowestDelivery)> Probe(RoomConnection from, RoomConnection to, string room, CancellationToken stop)
    {
        var slowestAnswer = TimeSpan.Zero;
        var slowestDelivery = TimeSpan.Zero;
        var count = 0;
        for (; !stop.IsCancellationRequested; count++)
        {
            var probe = $"probe {count}";
            var sent = Stopwatch.StartNew();
            await from.Say(room, probe);
            slowestAnswer = Max(slowestAnswer, sent.Elapsed);
            await to.NextMessageSaying(probe);
            slowestDelivery = Max(slowestDelivery, sent.Elapsed);
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }

        return (count, slowestAnswer, slowestDelivery);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>
    /// A hub client on a raw socket with a tiny receive window: it upgrades to a WebSocket,
    /// does the SignalR handshake, joins a room, reads the join's answer, and then never
    /// reads again, like a client on a frozen network.
    /// </summary>
    private sealed class StalledHubClient : IDisposable
    {
        private const char RecordSeparator = '\u001e';
        private readonly Socket _socket;

        private StalledHubClient(Socket socket) => _socket = socket;

        public static async Task<StalledHubClient> JoinAndStopReading(Uri baseAddress, ChatClient user, string room)
        {
            var ct = TestContext.Current.CancellationToken;
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
            var client = new StalledHubClient(socket);
            try
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, baseAddress.Port), ct);
                var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
                await client.Write(Encoding.ASCII.GetBytes(
                    $"GET /chat HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                    $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nCookie: {ChatClient.AuthCookieName}={user.AuthCookie}\r\n\r\n"));
                Assert.StartsWith("HTTP/1.1 101", await client.ReadUntil("\r\n\r\n"), StringComparison.Ordinal);

                await client.SendText($"{{\"protocol\":\"json\",\"version\":1}}{RecordSeparator}");
                await client.ReadUntil(RecordSeparator.ToString());
                var join = JsonSerializer.Serialize(new { type = 1, invocationId = "1", target = "join", arguments = new[] { new { room, username = user.Username } } });
                await client.SendText(join + RecordSeparator);
                var answer = await client.ReadUntil("\"invocationId\":\"1\"");
                Assert.DoesNotContain("\"error\"", answer, StringComparison.Ordinal);
                return client;
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        public void Dispose() => _socket.Dispose();

        private async Task Write(byte[] bytes) =>
            await _socket.SendAsync(bytes, SocketFlags.None, TestContext.Current.CancellationToken);

        /// <summary>One masked text frame, as a client must send.</summary>
        private async Task SendText(string text)
        {
            var payload = Encoding.UTF8.GetBytes(text);
            var frame = new List<byte> { 0x81 };
            if (payload.Length < 126)
            {
                frame.Add((byte)(0x80 | payload.Length));
            }
            else
            {
                frame.Add(0x80 | 126);
                frame.Add((byte)(payload.Length >> 8));
                frame.Add((byte)payload.Length);
            }

            var mask = RandomNumberGenerator.GetBytes(4);
            frame.AddRange(mask);
            frame.AddRange(payload.Select((b, i) => (byte)(b ^ mask[i % 4])));
            await Write([.. frame]);
        }

        /// <summary>Reads until the text seen so far contains <paramref name="marker"/> (frame headers and all).</summary>
        private async Task<string> ReadUntil(string marker)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(RoomConnection.Patience);
            var seen = new StringBuilder();
            var buffer = new byte[1024];
            while (!seen.ToString().Contains(marker, StringComparison.Ordinal))
            {
                var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                Assert.True(read > 0, $"The server closed the connection before sending '{marker}': {seen}");
                seen.Append(Encoding.Latin1.GetString(buffer, 0, read));
            }

            return seen.ToString();
        }
    }
}
