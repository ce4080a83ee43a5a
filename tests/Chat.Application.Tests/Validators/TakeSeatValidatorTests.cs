using Chat.Application.Sessions.TakeSeat;

namespace Chat.Application.Tests.Validators;

public sealed class TakeSeatValidatorTests
{
    private readonly TakeSeatValidator _validator = new();

    [Theory]
    [InlineData("lounge", false)]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("lounge", true)]
    public void Validate_ARoomOrRandom_Passes(string? room, bool random)
    {
        Assert.True(_validator.Validate(new TakeSeat(room, random)).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("a/b")]
    public void Validate_NeitherARoomNorRandom_SuggestsRandom(string? room)
    {
        var failure = Assert.Single(_validator.Validate(new TakeSeat(room, Random: false)).Errors);

        Assert.Equal(nameof(TakeSeat.Room), failure.PropertyName);
        Assert.EndsWith("Or send \"random\": true to join any open session.", failure.ErrorMessage, StringComparison.Ordinal);
    }
}
