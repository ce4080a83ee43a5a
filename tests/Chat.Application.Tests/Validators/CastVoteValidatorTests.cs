using Chat.Application.Games.CastVote;

namespace Chat.Application.Tests.Validators;

public sealed class CastVoteValidatorTests
{
    private readonly CastVoteValidator _validator = new();

    [Theory]
    [InlineData("lounge", "bob")]
    [InlineData("the lounge", " Zoë ")]
    public void Validate_ARoomAndASuspect_Passes(string room, string suspect)
    {
        Assert.True(_validator.Validate(new CastVote(room, suspect)).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_NoUsableSuspect_NamesTheSuspectField(string? suspect)
    {
        var failure = Assert.Single(_validator.Validate(new CastVote("lounge", suspect)).Errors);

        Assert.Equal(nameof(CastVote.Suspect), failure.PropertyName);
        Assert.Equal(CastVoteValidator.SuspectRequired, failure.ErrorMessage);
    }

    [Fact]
    public void Validate_ASuspectTooLongToBeAName_SaysSo()
    {
        var failure = Assert.Single(_validator.Validate(new CastVote("lounge", new string('b', 200))).Errors);

        Assert.Equal(nameof(CastVote.Suspect), failure.PropertyName);
        Assert.Equal(CastVoteValidator.SuspectTooLong, failure.ErrorMessage);
    }

    [Fact]
    public void Validate_ASuspectThatIsNotValidText_SaysSo()
    {
        var failure = Assert.Single(_validator.Validate(new CastVote("lounge", "bob\ud800")).Errors);

        Assert.Equal(nameof(CastVote.Suspect), failure.PropertyName);
        Assert.Equal(CastVoteValidator.SuspectNotText, failure.ErrorMessage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Validate_NoRoom_NamesTheRoomField(string? room)
    {
        var failure = Assert.Single(_validator.Validate(new CastVote(room, "bob")).Errors);

        Assert.Equal(nameof(CastVote.Room), failure.PropertyName);
        Assert.Equal(CastVoteValidator.RoomRequired, failure.ErrorMessage);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("<script>")]
    [InlineData("..")]
    public void Validate_ARoomNameNoRoomCanHave_IsLeftToTheLookUp(string room)
    {
        Assert.True(_validator.Validate(new CastVote(room, "bob")).IsValid);
    }

    [Fact]
    public void Validate_ARoomNameTooLongForAnyRoom_IsLeftToTheLookUp()
    {
        Assert.True(_validator.Validate(new CastVote(new string('r', 300), "bob")).IsValid);
    }
}
