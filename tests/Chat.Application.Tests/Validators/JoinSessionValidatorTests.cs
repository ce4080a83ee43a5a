using Chat.Application.Sessions.JoinSession;

namespace Chat.Application.Tests.Validators;

public sealed class JoinSessionValidatorTests
{
    private readonly JoinSessionValidator _validator = new();

    [Theory]
    [InlineData("lounge", false)]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("lounge", true)]
    public void Validate_ARoomOrRandom_Passes(string? room, bool random)
    {
        Assert.True(_validator.Validate(new JoinSession(room, random)).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("a/b")]
    public void Validate_NeitherARoomNorRandom_SuggestsRandom(string? room)
    {
        var failure = Assert.Single(_validator.Validate(new JoinSession(room, Random: false)).Errors);

        Assert.Equal(nameof(JoinSession.Room), failure.PropertyName);
        Assert.EndsWith("Or send \"random\": true to join any open session.", failure.ErrorMessage, StringComparison.Ordinal);
    }
}
