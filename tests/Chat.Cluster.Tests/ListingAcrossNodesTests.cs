using System.Net.Http.Json;
using System.Text.Json;
using Chat.Cluster.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Cluster.Tests;

/// <summary>
/// Each node caches the lobby listings, under a version kept in Redis: a change
/// committed on one node is in the very next listing read on the other, never
/// behind the <c>session_updated</c> that announced it.
/// </summary>
public sealed class ListingAcrossNodesTests(ChatCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task AJoinOnNodeA_IsInTheNextListingReadOnNodeB_AsSoonAsItIsAnnounced()
    {
        await cluster.Ready();
        var room = Names.Room();
        await using var alice = await Player.SignUp(cluster.NodeA.BaseAddress);
        await alice.Host(room);
        var aliceOnB = await alice.Enter(room, via: cluster.NodeB.BaseAddress);
        using var reader = new HttpClient { BaseAddress = cluster.NodeB.BaseAddress };
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal([alice.Username], await Players(reader, room));
        }

        await using var bob = await Player.SignUp(cluster.NodeA.BaseAddress);
        var announced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = aliceOnB.Hub.On<JsonElement>("session_updated", session =>
        {
            if (session.GetProperty("players").EnumerateArray().Any(p => p.GetString() == bob.Username))
            {
                announced.TrySetResult();
            }
        });
        await bob.Join(room);
        await announced.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.Equal([alice.Username, bob.Username], await Players(reader, room));
    }

    private static async Task<List<string?>> Players(HttpClient reader, string room)
    {
        var body = await reader.GetFromJsonAsync<JsonElement>("/api/lobby/sessions", TestContext.Current.CancellationToken);
        var session = body.GetProperty("pending_sessions").EnumerateArray()
            .Concat(body.GetProperty("active_sessions").EnumerateArray())
            .Single(s => s.GetProperty("room").GetString() == room);
        return [.. session.GetProperty("players").EnumerateArray().Select(p => p.GetString())];
    }
}
