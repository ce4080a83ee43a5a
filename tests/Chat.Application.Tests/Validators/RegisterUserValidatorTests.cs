using Chat.Application.Users.RegisterUser;
using Chat.Domain.Users;

namespace Chat.Application.Tests.Validators;

public sealed class RegisterUserValidatorTests
{
    private readonly RegisterUserValidator _validator = new();

    [Theory]
    [InlineData("alice")]
    [InlineData("Zoë")]
    [InlineData("Даша")]
    public void Validate_ALetterOrDigitName_Passes(string name)
    {
        Assert.True(_validator.Validate(new RegisterUser(name)).IsValid);
    }

    [Theory]
    [InlineData("bob!", Username.RuleText)]
    [InlineData("alice smith", Username.RuleText)]
    [InlineData("a234567890123456789012345678901", Username.RuleText)]
    [InlineData(null, "A username is required.")]
    [InlineData("", "A username is required.")]
    [InlineData("SERVER", "The name 'SERVER' is reserved.")]
    public void Validate_ABadName_FailsOnUsername(string? name, string expected)
    {
        var failure = Assert.Single(_validator.Validate(new RegisterUser(name)).Errors);

        Assert.Equal(nameof(RegisterUser.Username), failure.PropertyName);
        Assert.Equal(expected, failure.ErrorMessage);
    }
}
