using Chat.Cluster.Tests.Infrastructure;

namespace Chat.Cluster.Tests;

/// <summary>A robot whose players are on both nodes answers each turn once, not once per node.</summary>
public sealed class RobotAcrossNodesTests(ChatCluster cluster)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task PlayersOnBothNodesSpeakingAtOnce_GetOneReplyATurn()
    {
        await cluster.Ready();
        var room = Names.Room();
        await using var alice = await Player.SignUp(cluster.NodeA.BaseAddress);
        await using var bob = await Player.SignUp(cluster.NodeB.BaseAddress);
        await alice.HostWithRobot(room, humans: 2);
        await bob.Join(room);
        var onA = await alice.Enter(room);
        var onB = await bob.Enter(room);
        var humans = new HashSet<string>(StringComparer.Ordinal) { alice.Username, bob.Username, "Server" };

        var replies = new List<int>();
        for (var turn = 0; turn < 3; turn++)
        {
            var before = RobotLines(await alice.HistoryBySeq(room), humans);

            // Both nodes hear a player at the same moment, so both would start a turn. The
            // lines ask something: a robot in company may let a mere remark go by.
            await Task.WhenAll(onA.Say(room, $"hi everyone, all good {turn}?"), onB.Say(room, $"hey all, anyone there {turn}?"));
            await Task.Delay(Quiet, TestContext.Current.CancellationToken);

            replies.Add(RobotLines(await alice.HistoryBySeq(room), humans) - before);
        }

        Assert.All(replies, count => Assert.True(count <= 1, $"The robot answered one turn {count} times (turns: {string.Join(", ", replies)})."));
        Assert.Contains(1, replies);
    }

    private static int RobotLines(IEnumerable<System.Text.Json.JsonElement> history, HashSet<string> humans) =>
        history.Count(m => !humans.Contains(m.GetProperty("from").GetString()!));
}
