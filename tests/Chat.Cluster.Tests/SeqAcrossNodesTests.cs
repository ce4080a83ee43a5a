using System.Diagnostics;
using Chat.Cluster.Tests.Infrastructure;

namespace Chat.Cluster.Tests;

/// <summary>
/// Two nodes storing into one room as fast as their players can send: the room's
/// seqs are 1..N with no gap and no repeat, its ids rise with them, and paging by seq
/// returns each message once.
/// </summary>
public sealed class SeqAcrossNodesTests(ChatCluster cluster)
{
    private static readonly TimeSpan Run = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TwoNodesStoringIntoOneRoomAtFullSpeed_GiveSeqsOneToNWithoutGapOrRepeat_AndIdsRisingWithThem()
    {
        await cluster.Ready();
        var room = Names.Room();
        var players = new List<Player>();
        var listeners = new List<Listener>();
        try
        {
            foreach (var node in new[] { cluster.NodeA, cluster.NodeA, cluster.NodeB, cluster.NodeB })
            {
                var player = await Player.SignUp(node.BaseAddress);
                players.Add(player);
                if (players.Count == 1)
                {
                    await player.Host(room, maxPlayers: 4);
                }
                else
                {
                    await player.Join(room);
                }

                listeners.Add(await player.Enter(room));
            }

            var acknowledged = await Task.WhenAll(listeners.Select((listener, i) => Task.Run(async () =>
            {
                var acks = new List<(long Id, long Seq)>();
                var clock = Stopwatch.StartNew();
                for (var n = 0; clock.Elapsed < Run; n++)
                {
                    var ack = await listener.Say(room, $"p{i} {n}");
                    acks.Add((ack.GetProperty("id").GetInt64(), ack.GetProperty("seq").GetInt64()));
                }

                return acks;
            }, TestContext.Current.CancellationToken)));

            var stored = await players[0].HistoryBySeq(room);
            var seqs = stored.Select(m => m.GetProperty("seq").GetInt64()).ToList();
            Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);
            Assert.Equal(stored.Count, stored.Select(m => m.GetProperty("id").GetInt64()).Distinct().Count());

            // v1 history pages by id through the seq index: it needs a room's ids in seq order.
            var ids = stored.Select(m => m.GetProperty("id").GetInt64()).ToList();
            Assert.Equal(ids.Order(), ids);
            Assert.Equal(ids, (await players[1].History(room)).Select(m => m.GetProperty("id").GetInt64()));

            var acked = acknowledged.SelectMany(a => a).ToList();
            Assert.True(acked.Count > 100, $"Only {acked.Count} messages were acknowledged in {Run}: the test proves little.");
            var storedSeqOf = stored.ToDictionary(m => m.GetProperty("id").GetInt64(), m => m.GetProperty("seq").GetInt64());
            Assert.All(acked, ack => Assert.Equal(ack.Seq, storedSeqOf[ack.Id]));

            // Each player's own messages are in the order they were acknowledged.
            foreach (var acks in acknowledged)
            {
                Assert.Equal(acks.Select(a => a.Seq).Order(), acks.Select(a => a.Seq));
            }
        }
        finally
        {
            foreach (var player in players)
            {
                await player.DisposeAsync();
            }
        }
    }
}
