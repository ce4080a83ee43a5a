using System.Diagnostics;
using Chat.Cluster.Tests.Infrastructure;

namespace Chat.Cluster.Tests;

/// <summary>Redis is a convenience, not a dependency of storing: losing it loses only live events between nodes, for a while.</summary>
public sealed class RedisOutageTests(ChatCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task RedisStoppedMidConversation_SendsAreStillAcknowledgedAndStored_AndLiveDeliveryResumesWhenItIsBack()
    {
        var prefix = $"outage-{Guid.NewGuid():N}";
        await using var talk = await Conversation.Start(cluster, prefix);
        var (room, aliceOnA, bobOnB) = (talk.Room, talk.AliceOnA, talk.BobOnB);

        var logMarkA = cluster.NodeA.Process.LineCount;
        await cluster.Redis.Stop();
        var acknowledged = new List<long>();
        try
        {
            for (var i = 0; i < 10; i++)
            {
                var speaker = i % 2 == 0 ? aliceOnA : bobOnB;
                var clock = Stopwatch.StartNew();
                var ack = await speaker.Say(room, $"{prefix} during {i}");
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"Acknowledging a message took {clock.ElapsedMilliseconds} ms without Redis.");
                acknowledged.Add(ack.GetProperty("id").GetInt64());
            }
        }
        finally
        {
            await cluster.Redis.Start();
        }

        var stored = (await talk.Alice.History(room)).Select(m => m.GetProperty("id").GetInt64()).ToHashSet();
        Assert.Subset(stored, acknowledged.ToHashSet());

        // Live delivery between the nodes comes back by itself: no restart.
        var clockBack = Stopwatch.StartNew();
        JsonProbe? heard = null;
        for (var probe = 0; heard is null && clockBack.Elapsed < TimeSpan.FromSeconds(20); probe++)
        {
            var text = $"{prefix} probe {probe}";
            await aliceOnA.Say(room, text);
            await Task.Delay(250, TestContext.Current.CancellationToken);
            if (bobOnB.Saying(text).Count > 0)
            {
                heard = new JsonProbe(text, clockBack.Elapsed);
            }
        }

        Assert.True(heard is not null, $"Node B's client heard nothing from node A for 20 s after Redis came back.{Environment.NewLine}{cluster.Logs()}");
        await HeardEventually(bobOnB, aliceOnA, room, $"{prefix} after");

        // One warning for the outage, however many messages could not be delivered live.
        Assert.Equal(1, cluster.NodeA.Process.CountSince(logMarkA, "Redis is unreachable"));
        Assert.True(cluster.NodeA.Process.CountSince(logMarkA, "Live delivery failed") <= 1, cluster.NodeA.Recent());
    }

    [Fact]
    public async Task RedisStuckWithItsConnectionsOpen_SendsAreStillAcknowledgedWithinSeconds_AndTheOtherNodeHearsThemWhenItAnswersAgain()
    {
        var prefix = $"stuck-{Guid.NewGuid():N}";
        await using var talk = await Conversation.Start(cluster, prefix);
        var (room, aliceOnA, bobOnB) = (talk.Room, talk.AliceOnA, talk.BobOnB);

        // Frozen, Redis neither answers nor drops the connections: nothing tells the
        // nodes it is gone, so only the broadcaster's own patience keeps sends moving,
        // and it waits once, not once per message.
        await cluster.Redis.Freeze();
        var acknowledged = new List<long>();
        try
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 5; i++)
            {
                var ack = await aliceOnA.Say(room, $"{prefix} during {i}");
                acknowledged.Add(ack.GetProperty("seq").GetInt64());
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"Acknowledging five messages took {clock.ElapsedMilliseconds} ms while Redis was stuck.");
        }
        finally
        {
            await cluster.Redis.Thaw();
        }

        // What was published while Redis was stuck was waiting on its socket, in order.
        await bobOnB.WaitForText($"{prefix} during 4", Patience);
        Assert.Equal(acknowledged, bobOnB.Saying($"{prefix} during").Select(m => m.GetProperty("seq").GetInt64()));
    }

    [Fact]
    public async Task DuringARedisOutage_TheLobbyAndHistoryServe_AndAPlayerWhoConnectsAfterHearsTheRoomAcrossNodes()
    {
        await cluster.Ready();
        var room = Names.Room();
        await using var alice = await Player.SignUp(cluster.NodeA.BaseAddress);
        await alice.Host(room);
        var aliceOnA = await alice.Enter(room);
        var prefix = $"outage-rest-{Guid.NewGuid():N}";

        await cluster.Redis.Stop();
        await using var bob = await Player.SignUp(cluster.NodeB.BaseAddress);
        try
        {
            // Registering, joining and reading history need only the database.
            await bob.Join(room);
            await aliceOnA.Say(room, $"{prefix} during");
            Assert.Contains(await bob.History(room), m => m.GetProperty("message").GetString() == $"{prefix} during");
        }
        finally
        {
            await cluster.Redis.Start();
        }

        // New hub connections subscribe through Redis (SignalR's backplane): from when it is back.
        var bobOnB = await ConnectWhenRedisIsBack(bob, room);
        await HeardEventually(bobOnB, aliceOnA, room, $"{prefix} from b");
        await HeardEventually(aliceOnA, bobOnB, room, $"{prefix} from a");
    }

    [Fact]
    public async Task ANodeStartedWhileRedisIsDown_Serves_AndJoinsTheServiceOnceRedisIsUp()
    {
        await cluster.Ready();
        await cluster.Redis.Stop();
        try
        {
            await cluster.NodeB.Kill();
            cluster.NodeB.Dispose();
            await cluster.NodeB.Start();
            await using var early = await Player.SignUp(cluster.NodeB.BaseAddress);
        }
        finally
        {
            await cluster.Redis.Start();
        }

        var room = Names.Room();
        await using var alice = await Player.SignUp(cluster.NodeA.BaseAddress);
        await alice.Host(room);
        await using var bob = await Player.SignUp(cluster.NodeB.BaseAddress);
        await bob.Join(room);
        var aliceOnA = await ConnectWhenRedisIsBack(alice, room);
        var bobOnB = await ConnectWhenRedisIsBack(bob, room);

        var prefix = $"late-redis-{Guid.NewGuid():N}";
        await HeardEventually(aliceOnA, bobOnB, room, $"{prefix} from a");

        // Node control works too: logging out on node A closes Bob's connection on node B.
        await bob.Logout(via: cluster.NodeA.BaseAddress);
        await bobOnB.Closed.WaitAsync(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Each node's multiplexer reconnects on its own schedule (about a second apart at
    /// most): until both have, a message may miss the other node. Probes until one arrives.
    /// </summary>
    private static async Task HeardEventually(Listener speaker, Listener hearer, string room, string text)
    {
        var clock = Stopwatch.StartNew();
        for (var probe = 0; clock.Elapsed < TimeSpan.FromSeconds(20); probe++)
        {
            await speaker.Say(room, $"{text} {probe}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
            if (hearer.Saying(text).Count > 0)
            {
                return;
            }
        }

        Assert.Fail($"{hearer.Username} heard nothing from {speaker.Username} for 20 s after Redis came back.");
    }

    /// <summary>The multiplexer reconnects within about a second; until then a new connection may be refused, as a client would find.</summary>
    private static async Task<Listener> ConnectWhenRedisIsBack(Player player, string room)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await player.Enter(room);
            }
            catch (Exception) when (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(250, TestContext.Current.CancellationToken);
            }
        }
    }

    private sealed record JsonProbe(string Text, TimeSpan After);

    /// <summary>Alice on node A and Bob on node B in one room, each having heard a first message across the nodes.</summary>
    private sealed class Conversation(string room, Player alice, Player bob, Listener aliceOnA, Listener bobOnB) : IAsyncDisposable
    {
        public string Room => room;

        public Player Alice => alice;

        public Listener AliceOnA => aliceOnA;

        public Listener BobOnB => bobOnB;

        public static async Task<Conversation> Start(ChatCluster cluster, string prefix)
        {
            await cluster.Ready();
            var room = Names.Room();
            var alice = await Player.SignUp(cluster.NodeA.BaseAddress);
            await alice.Host(room);
            var bob = await Player.SignUp(cluster.NodeB.BaseAddress);
            await bob.Join(room);
            var conversation = new Conversation(room, alice, bob, await alice.Enter(room), await bob.Enter(room));
            await conversation.AliceOnA.Say(room, $"{prefix} before");
            await conversation.BobOnB.WaitForText($"{prefix} before", Patience);
            return conversation;
        }

        public async ValueTask DisposeAsync()
        {
            await alice.DisposeAsync();
            await bob.DisposeAsync();
        }
    }
}
