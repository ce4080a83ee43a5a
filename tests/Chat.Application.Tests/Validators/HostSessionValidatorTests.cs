using Chat.Application.Common.Interfaces;
using Chat.Application.Sessions.HostSession;
using Chat.Domain.Sessions;
using NSubstitute;

namespace Chat.Application.Tests.Validators;

public sealed class HostSessionValidatorTests
{
    [Theory]
    [InlineData("lounge", null, null)]
    [InlineData("The Lounge", "eliza", 1)]
    [InlineData("lounge", "gpt", 100)]
    public void Validate_AGoodRequest_Passes(string room, string? robot, int? maxPlayers)
    {
        Assert.True(Validator("eliza", "gpt").Validate(new HostSession(room, robot, maxPlayers)).IsValid);
    }

    [Theory]
    [InlineData(null, "A room name is required.")]
    [InlineData("  ", "A room name is required.")]
    [InlineData("a/b", RoomName.RuleText)]
    public void Validate_ABadRoom_FailsOnRoom(string? room, string expected)
    {
        var failure = Assert.Single(Validator("eliza").Validate(new HostSession(room, null, null)).Errors);

        Assert.Equal(nameof(HostSession.Room), failure.PropertyName);
        Assert.Equal(expected, failure.ErrorMessage);
    }

    [Theory]
    [InlineData("hal")]
    [InlineData("Eliza")]
    [InlineData("")]
    public void Validate_ARobotThatIsNotOffered_FailsNamingTheOffer(string robot)
    {
        var failure = Assert.Single(Validator("eliza", "gpt").Validate(new HostSession("lounge", robot, null)).Errors);

        Assert.Equal(nameof(HostSession.Robot), failure.PropertyName);
        Assert.Equal("The robot must be one of: eliza, gpt.", failure.ErrorMessage);
    }

    [Fact]
    public void Validate_ARobot_WhenNoneIsOffered_SaysSo()
    {
        var failure = Assert.Single(Validator().Validate(new HostSession("lounge", "eliza", null)).Errors);

        Assert.Equal("No robot is offered on this server.", failure.ErrorMessage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Validate_MaxPlayersOutOfRange_Fails(int maxPlayers)
    {
        var failure = Assert.Single(Validator().Validate(new HostSession("lounge", null, maxPlayers)).Errors);

        Assert.Equal(nameof(HostSession.MaxPlayersAllowed), failure.PropertyName);
        Assert.Equal("max_players_allowed must be between 1 and 100.", failure.ErrorMessage);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsThemAll()
    {
        var result = Validator("eliza").Validate(new HostSession("", "hal", 0));

        Assert.Equal(
            [nameof(HostSession.Room), nameof(HostSession.Robot), nameof(HostSession.MaxPlayersAllowed)],
            result.Errors.Select(e => e.PropertyName));
    }

    private static HostSessionValidator Validator(params string[] offered)
    {
        var robots = Substitute.For<IRobotCatalog>();
        robots.Models.Returns(offered);
        robots.Offers(Arg.Any<string>()).Returns(call => offered.Contains(call.Arg<string>(), StringComparer.Ordinal));
        return new HostSessionValidator(robots);
    }
}
