using Chat.Domain.Sessions;

namespace Chat.Domain.Tests.Sessions;

public sealed class RoomNameTests
{
    [Theory]
    [InlineData("lounge")]
    [InlineData("The Lounge")]
    [InlineData("room-1")]
    [InlineData("room_1")]
    [InlineData("v1.2")]
    [InlineData("Café")]
    [InlineData("Комната 5")]
    public void Problem_ForAllowedNames_IsNone(string room)
    {
        Assert.Null(RoomName.Problem(room));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("party 🎉")]
    [InlineData("tab\there")]
    [InlineData("it's")]
    public void Problem_ForOtherCharacters_GivesTheRule(string room)
    {
        Assert.Equal(RoomName.RuleText, RoomName.Problem(room));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Problem_ForABlankName_SaysItIsRequired(string? room)
    {
        Assert.Equal("A room name is required.", RoomName.Problem(room));
    }

    [Fact]
    public void Clean_TrimsTheName()
    {
        Assert.Equal("The Lounge", RoomName.Clean("  The Lounge \t"));
    }

    [Fact]
    public void Problem_CountsTheLengthAfterTrimming()
    {
        var hundred = new string('r', RoomName.MaxLength);

        Assert.Null(RoomName.Problem($"   {hundred}   "));
        Assert.Equal(RoomName.RuleText, RoomName.Problem(hundred + "r"));
    }

    [Fact]
    public void Clean_ComposesDecomposedLetters()
    {
        Assert.Equal("Caf\u00E9", RoomName.Clean("Cafe\u0301"));
    }

    [Fact]
    public void Problem_ForTextWithALoneSurrogate_GivesTheRuleInsteadOfThrowing()
    {
        Assert.Equal(RoomName.RuleText, RoomName.Problem("lounge\uD800"));
    }
}
