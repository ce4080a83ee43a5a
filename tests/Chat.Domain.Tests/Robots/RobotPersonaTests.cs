using Chat.Domain.Robots;

namespace Chat.Domain.Tests.Robots;

public sealed class RobotPersonaTests
{
    [Fact]
    public void For_TheSameName_IsTheSamePersona_IgnoringCase() =>
        Assert.Equal(RobotPersona.For("quietfox7"), RobotPersona.For("QuietFox7"));

    [Fact]
    public void For_DifferentNames_GivesDifferentPeople()
    {
        var personas = Enumerable.Range(0, 100).Select(i => RobotPersona.For($"quietfox{i}")).ToList();

        Assert.True(personas.Select(p => p.Home).Distinct().Count() > 10);
        Assert.True(personas.Select(p => p.Occupation).Distinct().Count() > 10);
        Assert.All(personas, p => Assert.InRange(p.Age, RobotPersona.YoungestAge, RobotPersona.OldestAge));
    }

    [Fact]
    public void For_AHandleStartingWithAFirstName_UsesThatName() =>
        Assert.Equal("Maya", RobotPersona.For("maya92").FirstName);
}
