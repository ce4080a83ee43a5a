using Chat.Web.Limits;

namespace Chat.Web.Tests.Limits;

/// <summary>What the REST limits keep per caller.</summary>
public sealed class RequestLimitPartitionTests
{
    [Fact]
    public void PerMinute_WhenTheLimitIsOff_PutsEveryCallerInOnePartition()
    {
        var alice = RequestLimits.PerMinute("user:1", permits: 0);
        var bob = RequestLimits.PerMinute("address:10.0.0.2", permits: 0);

        Assert.Equal(alice.PartitionKey, bob.PartitionKey);
    }

    [Fact]
    public void PerMinute_WhenTheLimitIsOn_GivesEachCallerAWindowOfTheirOwn()
    {
        var alice = RequestLimits.PerMinute("user:1", permits: 5);
        var bob = RequestLimits.PerMinute("user:2", permits: 5);

        Assert.Equal("user:1", alice.PartitionKey);
        Assert.NotEqual(alice.PartitionKey, bob.PartitionKey);
    }
}
