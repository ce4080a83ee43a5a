using System.Diagnostics;
using Chat.Cluster.Tests.Infrastructure;

namespace Chat.Cluster.Tests;

/// <summary>Logout and leave are service-wide: they reach the user's connections on the other node at once.</summary>
public sealed class CrossNodeControlTests(ChatCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task LogoutOnNodeA_ClosesTheUsersHubConnectionOnNodeB_WithinASecond()
    {
        await cluster.Ready();
        var room = Names.Room();
        await using var alice = await Player.SignUp(cluster.NodeA.BaseAddress);
        await alice.Host(room);
        var onB = await alice.Enter(room, via: cluster.NodeB.BaseAddress);
        var onA = await alice.Enter(room, via: cluster.NodeA.BaseAddress);

        var clock = Stopwatch.StartNew();
        await alice.Logout(via: cluster.NodeA.BaseAddress);
        var closed = await Task.WhenAny(onB.Closed, Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));

        Assert.True(closed == onB.Closed, $"The connection on node B was still open {clock.ElapsedMilliseconds} ms after logging out on node A.");
        await onA.Closed.WaitAsync(Patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task LeaveOnNodeA_SilencesTheLeaversConnectionOnNodeB()
    {
        await cluster.Ready();
        var room = Names.Room();
        await using var alice = await Player.SignUp(cluster.NodeA.BaseAddress);
        await alice.Host(room);
        await using var bob = await Player.SignUp(cluster.NodeB.BaseAddress);
        await bob.Join(room);
        await using var carol = await Player.SignUp(cluster.NodeB.BaseAddress);
        await carol.Join(room);

        var aliceOnA = await alice.Enter(room);
        var bobOnB = await bob.Enter(room);
        var carolOnB = await carol.Enter(room);

        var prefix = $"leave-{Guid.NewGuid():N}";
        await aliceOnA.Say(room, $"{prefix} before");
        await bobOnB.WaitForText($"{prefix} before", Patience);

        // Bob leaves through node A, where none of his connections are.
        await bob.Leave(via: cluster.NodeA.BaseAddress);
        await aliceOnA.WaitForText($"{bob.Username} has left the room.", Patience);

        await aliceOnA.Say(room, $"{prefix} after");

        // Carol, on the same node as Bob's connection, proves the message reached node B.
        await carolOnB.WaitForText($"{prefix} after", Patience);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Equal([$"{prefix} before"], bobOnB.Saying(prefix).Select(m => m.GetProperty("message").GetString()));
    }
}
