using Chat.Cluster.Tests.Infrastructure;

namespace Chat.Cluster.Tests;

/// <summary>Two nodes, one service: a room's players hear each other whichever node each is on.</summary>
public sealed class RoomFanOutTests(ChatCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task FourPlayersOnTwoNodes_EachReceivesEveryMessageOnceInSeqOrder_AndAnotherRoomHearsNothing()
    {
        await cluster.Ready();
        var room = Names.Room();

        // Two players straight on the nodes, two through nginx landing one on each node.
        await using var onA = await Player.SignUp(cluster.NodeA.BaseAddress);
        await using var onB = await Player.SignUp(cluster.NodeB.BaseAddress);
        await using var throughNginx = await cluster.SignUpThroughNginx(onA: 1, onB: 1);
        var proxiedA = throughNginx.ServedBy(cluster.NodeA)[0];
        var proxiedB = throughNginx.ServedBy(cluster.NodeB)[0];
        await onA.Host(room, maxPlayers: 4);
        foreach (var player in new[] { onB, proxiedA, proxiedB })
        {
            await player.Join(room);
        }

        var players = new[] { onA, onB, proxiedA, proxiedB };
        var listeners = new List<Listener>();
        foreach (var player in players)
        {
            listeners.Add(await player.Enter(room));
        }

        // Someone in another room, on each node, who must hear none of it.
        var elsewhere = Names.Room();
        await using var outsiderA = await Player.SignUp(cluster.NodeA.BaseAddress);
        await outsiderA.Host(elsewhere);
        await using var outsiderB = await Player.SignUp(cluster.NodeB.BaseAddress);
        await outsiderB.Join(elsewhere);
        var outsiders = new[] { await outsiderA.Enter(elsewhere), await outsiderB.Enter(elsewhere) };

        // Each acknowledgement comes after its broadcast was published, so taking turns
        // gives one order that every connection must see.
        var prefix = $"fan-{Guid.NewGuid():N}";
        var sent = new List<long>();
        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < listeners.Count; i++)
            {
                var ack = await listeners[i].Say(room, $"{prefix} {round} from {i}");
                sent.Add(ack.GetProperty("id").GetInt64());
            }
        }

        var last = $"{prefix} 4 from 3";
        foreach (var listener in listeners)
        {
            await listener.WaitForText(last, Patience);
            var heard = listener.Saying(prefix).ToList();
            Assert.Equal(sent, heard.Select(m => m.GetProperty("id").GetInt64()));
            var seqs = heard.Select(m => m.GetProperty("seq").GetInt64()).ToList();
            Assert.Equal(seqs.Order(), seqs);
        }

        // The last message has reached both nodes; give the outsiders a moment more.
        await Task.Delay(300, TestContext.Current.CancellationToken);
        foreach (var outsider in outsiders)
        {
            Assert.Empty(outsider.Saying(prefix));
        }

        var stored = (await onA.History(room)).Where(m => m.GetProperty("message").GetString()!.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Equal(sent, stored.Select(m => m.GetProperty("id").GetInt64()));
    }
}
