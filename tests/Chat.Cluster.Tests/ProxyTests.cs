using Chat.Cluster.Tests.Infrastructure;

namespace Chat.Cluster.Tests;

/// <summary>Through nginx, the service describes itself by the address clients use, not a node's.</summary>
public sealed class ProxyTests(ChatCluster cluster)
{
    [Fact]
    public async Task HostingThroughNginx_TheWsMemberNamesNginx()
    {
        await cluster.Ready();
        await using var alice = await Player.SignUp(cluster.Proxy);

        var hosted = await alice.Host(Names.Room());

        Assert.Equal($"ws://127.0.0.1:{cluster.Nginx.Port}/chat", hosted.GetProperty("ws").GetString());
    }

    [Fact]
    public async Task NginxHealth_AndEachNodesReadiness_AnswerThroughTheirOwnAddresses()
    {
        await cluster.Ready();
        using var http = new HttpClient();
        var ct = TestContext.Current.CancellationToken;

        Assert.True((await http.GetAsync(new Uri(cluster.Proxy, "/nginx-health"), ct)).IsSuccessStatusCode);
        Assert.True((await http.GetAsync(new Uri(cluster.Proxy, "/health/ready"), ct)).IsSuccessStatusCode);
        foreach (var node in new[] { cluster.NodeA, cluster.NodeB })
        {
            Assert.True((await http.GetAsync(new Uri(node.BaseAddress, "/health/ready"), ct)).IsSuccessStatusCode);
        }
    }
}
