using Chat.Domain.Users;
using Chat.Infrastructure.Robots;

namespace Chat.Infrastructure.Tests.Robots;

public sealed class RobotNamesTests
{
    [Fact]
    public void Create_AlwaysGivesAValidUsername()
    {
        var random = new Random(12345);

        for (var i = 0; i < 10_000; i++)
        {
            var name = RobotNames.Create(random);
            Assert.True(Username.Problem(name) is null, $"'{name}' is not a valid username: {Username.Problem(name)}");
        }
    }

    [Fact]
    public void Create_WithTheSameSeed_GivesTheSameNames()
    {
        var first = Enumerable.Range(0, 20).Select(_ => RobotNames.Create(new Random(7))).Distinct();
        var sequenceA = Sequence(new Random(99));
        var sequenceB = Sequence(new Random(99));

        Assert.Single(first);
        Assert.Equal(sequenceA, sequenceB);
    }

    [Fact]
    public void Create_CalledAgain_GivesAnotherNameForRetryingATakenOne()
    {
        var random = new Random(3);

        var names = Sequence(random);

        Assert.True(names.Distinct(StringComparer.OrdinalIgnoreCase).Count() > 40, string.Join(", ", names));
    }

    [Fact]
    public void Create_NeverHintsAtAMachine()
    {
        var random = new Random(5);

        for (var i = 0; i < 2_000; i++)
        {
            var name = RobotNames.Create(random).ToLowerInvariant();
            Assert.DoesNotContain("bot", name, StringComparison.Ordinal);
            Assert.DoesNotContain("robot", name, StringComparison.Ordinal);
            Assert.DoesNotContain("server", name, StringComparison.Ordinal);
        }
    }

    private static List<string> Sequence(Random random) => [.. Enumerable.Range(0, 50).Select(_ => RobotNames.Create(random))];
}
