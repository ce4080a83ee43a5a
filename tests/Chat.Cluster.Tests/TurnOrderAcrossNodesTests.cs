using Chat.Cluster.Tests.Infrastructure;

namespace Chat.Cluster.Tests;

/// <summary>
/// Two players on different nodes answering each other, each waiting for the other's
/// message before sending the next: every connection in the room hears the exchange in
/// the order it was said, on either node. An acknowledgement means the message is on
/// its way to every node, so a reply can never overtake what it answers, even on a
/// machine whose processors are all taken: that is when a node's publish can still be
/// waiting for a processor to leave it as the reply, sent through the other node,
/// reaches Redis.
/// </summary>
public sealed class TurnOrderAcrossNodesTests(ChatCluster cluster)
{
    private const int Turns = 400;
    private static readonly int Spinners = Environment.ProcessorCount * 6;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task PlayersOnTwoNodesTakingTurns_EveryListenerHearsTheTurnsInTheOrderTheyWereAcknowledged()
    {
        await cluster.Ready();
        var room = Names.Room();
        await using var onA = await Player.SignUp(cluster.NodeA.BaseAddress);
        await using var onB = await Player.SignUp(cluster.NodeB.BaseAddress);
        await using var watcherA = await Player.SignUp(cluster.NodeA.BaseAddress);
        await using var watcherB = await Player.SignUp(cluster.NodeB.BaseAddress);
        await onA.Host(room, maxPlayers: 4);
        await onB.Join(room);
        await watcherA.Join(room);
        await watcherB.Join(room);
        var speakers = new[] { await onA.Enter(room), await onB.Enter(room) };
        var listeners = speakers.Concat([await watcherA.Enter(room), await watcherB.Enter(room)]).ToList();

        var prefix = $"turn-{Guid.NewGuid():N}";
        var acknowledged = new List<long>();
        using var turnsTaken = new CancellationTokenSource();
        var spinners = Enumerable.Range(0, Spinners).Select(_ => Spin(turnsTaken.Token)).ToList();
        try
        {
            for (var turn = 0; turn < Turns; turn++)
            {
                var ack = await speakers[turn % 2].Say(room, $"{prefix} {turn}");
                acknowledged.Add(ack.GetProperty("seq").GetInt64());
            }
        }
        finally
        {
            await turnsTaken.CancelAsync();
            foreach (var spinner in spinners)
            {
                spinner.Join();
            }
        }

        foreach (var listener in listeners)
        {
            await listener.WaitForText($"{prefix} {Turns - 1}", Patience);
            Assert.Equal(acknowledged, listener.Saying(prefix).Select(m => m.GetProperty("seq").GetInt64()));
        }
    }

    /// <summary>A thread that keeps a processor busy until told to stop.</summary>
    private static Thread Spin(CancellationToken until)
    {
        var thread = new Thread(() =>
        {
            while (!until.IsCancellationRequested)
            {
                Thread.SpinWait(1000);
            }
        })
        {
            IsBackground = true,
            Name = "busy machine",
        };
        thread.Start();
        return thread;
    }
}
