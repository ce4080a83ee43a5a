using Chat.Domain.Games;

namespace Chat.Domain.Tests.Games;

public sealed class RobotSuspicionTests
{
    private static readonly string[] Humans = ["alice", "bob", "carol"];

    [Fact]
    public void Choose_AlwaysNamesAHuman_NeverItself()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            Assert.Contains(RobotSuspicion.Choose("maya92", Humans, [], random), Humans);
        }
    }

    [Fact]
    public void Choose_WithNoHuman_NamesNoOne() =>
        Assert.Null(RobotSuspicion.Choose("maya92", [], [], new Random(1)));

    [Fact]
    public void Choose_LeansTowardsWhoeverAccusedIt_ButNotAlways()
    {
        HeardLine[] conversation =
        [
            new("alice", "lol hi"),
            new("bob", "maya92 you are totally a bot"),
            new("carol", "haha idk"),
        ];
        var random = new Random(3);

        var picks = Enumerable.Range(0, 500).Select(_ => RobotSuspicion.Choose("maya92", Humans, conversation, random)).ToList();

        var bob = picks.Count(p => p == "bob");
        Assert.True(bob > 250, $"bob was named {bob} times of 500");
        Assert.True(bob < 500, "the robot must not always vote the same way");
    }

    [Fact]
    public void Suspicion_IsHigherForMachineLikeWriting()
    {
        HeardLine[] conversation =
        [
            new("alice", "lol yeah"),
            new("bob", "Certainly! However, I understand your point; additionally, there are several factors to consider here."),
        ];

        Assert.True(RobotSuspicion.Suspicion("maya92", "bob", conversation) > RobotSuspicion.Suspicion("maya92", "alice", conversation));
    }
}
