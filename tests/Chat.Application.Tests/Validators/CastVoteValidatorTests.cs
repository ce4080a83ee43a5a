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

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("a/b")]
    public void Validate_ABadRoom_NamesTheRoomField(string? room)
    {
        var failure = Assert.Single(_validator.Validate(new CastVote(room, "bob")).Errors);

        Assert.Equal(nameof(CastVote.Room), failure.PropertyName);
    }
}
