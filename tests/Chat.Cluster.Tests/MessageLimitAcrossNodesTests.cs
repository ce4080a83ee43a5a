using System.Diagnostics;
using Chat.Cluster.Tests.Infrastructure;

namespace Chat.Cluster.Tests;

/// <summary>
/// With Redis, a user's message limit is one bucket for all of their connections on all
/// nodes; without Redis (or while it is away) each node applies the limit on its own and
/// sends go on.
/// </summary>
public sealed class MessageLimitAcrossNodesTests(RateLimitedCluster fixture) : IClassFixture<RateLimitedCluster>
{
    private static readonly MessageLimit Limit = RateLimitedCluster.Limit;

    private ChatCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task OneUserFloodingFromBothNodes_StoresNoMoreThanOneBucketAllows_AndOtherUsersAreUnaffected()
    {
        await Cluster.Ready();
        var room = Names.Room();
        await using var alice = await Player.SignUp(Cluster.NodeA.BaseAddress);
        await alice.Host(room);
        await using var bob = await Player.SignUp(Cluster.NodeB.BaseAddress);
        await bob.Join(room);
        var aliceOnA = await alice.Enter(room);
        var aliceOnB = await alice.Enter(room, via: Cluster.NodeB.BaseAddress);
        var bobOnB = await bob.Enter(room);
        var prefix = $"flood-{Guid.NewGuid():N}";

        var clock = Stopwatch.StartNew();
        var floodOnA = Flood(aliceOnA, room, $"{prefix} alice on a", 100);
        var floodOnB = Flood(aliceOnB, room, $"{prefix} alice on b", 100);
        var bobMeanwhile = Task.WhenAll(Enumerable.Range(0, 3).Select(i => bobOnB.TrySay(room, $"{prefix} bob {i}")));
        var outcomes = (await Task.WhenAll(floodOnA, floodOnB)).SelectMany(o => o).ToList();
        var elapsed = clock.Elapsed;
        var bobs = await bobMeanwhile;

        var stored = (await bob.History(room)).Select(m => m.GetProperty("message").GetString()!).ToList();
        var storedOfAlice = stored.Count(t => t.StartsWith($"{prefix} alice", StringComparison.Ordinal));
        var allowed = Limit.Burst + (Limit.PerSecond * elapsed.TotalSeconds) + 1;
        Assert.True(
            storedOfAlice <= allowed,
            $"{storedOfAlice} of Alice's 200 messages were stored in {elapsed.TotalSeconds:0.00} s; one bucket of {Limit.Burst} refilled at {Limit.PerSecond}/s allows {allowed:0.#}.");
        Assert.Equal(outcomes.Count(o => o is null), storedOfAlice);
        Assert.True(storedOfAlice >= Limit.Burst, $"Only {storedOfAlice} of Alice's messages were stored; a quiet user may send a burst of {Limit.Burst}.");
        Assert.All(outcomes.Where(o => o is not null), reason => Assert.Contains("You are sending messages too fast", reason, StringComparison.Ordinal));

        // Bob's bucket is his own: Alice's flood took none of it.
        Assert.All(bobs, Assert.Null);
        Assert.Equal(3, stored.Count(t => t.StartsWith($"{prefix} bob", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WithRedisStopped_AUserCanStillSend_UnderTheNodesOwnLimit_AndTheOutageIsLoggedOnce()
    {
        await Cluster.Ready();
        var room = Names.Room();
        await using var alice = await Player.SignUp(Cluster.NodeA.BaseAddress);
        await alice.Host(room);
        var aliceOnA = await alice.Enter(room);
        var prefix = $"limit-outage-{Guid.NewGuid():N}";

        var logMark = Cluster.NodeA.Process.LineCount;
        await Cluster.Redis.Stop();
        List<string?> outcomes;
        TimeSpan elapsed;
        var clock = Stopwatch.StartNew();
        try
        {
            // Quiet user, full bucket: the first sends pass, each without waiting on Redis.
            for (var i = 0; i < Limit.Burst - 1; i++)
            {
                var each = Stopwatch.StartNew();
                Assert.Null(await aliceOnA.TrySay(room, $"{prefix} {i}"));
                Assert.True(each.Elapsed < TimeSpan.FromSeconds(2), $"A send took {each.ElapsedMilliseconds} ms while Redis was down.");
            }

            // The node's own bucket still refuses a flood.
            outcomes = await Flood(aliceOnA, room, $"{prefix} flood", 30);
            elapsed = clock.Elapsed;
        }
        finally
        {
            await Cluster.Redis.Start();
        }

        var accepted = Limit.Burst - 1 + outcomes.Count(o => o is null);
        var allowed = Limit.Burst + (Limit.PerSecond * elapsed.TotalSeconds) + 1;
        Assert.True(accepted <= allowed, $"{accepted} messages passed in {elapsed.TotalSeconds:0.00} s; the node's own bucket allows {allowed:0.#}.");
        Assert.Contains(outcomes, o => o is not null);
        var stored = (await alice.History(room)).Count(m => m.GetProperty("message").GetString()!.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Equal(accepted, stored);
        Assert.Equal(1, Cluster.NodeA.Process.CountSince(logMark, "The shared message limit is unreachable"));
    }

    /// <summary>As fast as one connection goes: every call at once (the server runs a connection's calls one after another).</summary>
    private static async Task<List<string?>> Flood(Listener from, string room, string prefix, int count) =>
        [.. await Task.WhenAll(Enumerable.Range(0, count).Select(i => from.TrySay(room, $"{prefix} {i}")))];
}
