using Chat.Application.Messages.SendMessage;

namespace Chat.Application.Tests.Validators;

public sealed class SendMessageValidatorTests
{
    private readonly SendMessageValidator _validator = new();

    [Theory]
    [InlineData("hi")]
    [InlineData("  hi  ")]
    [InlineData("שלום 👋🏽")]
    public void Validate_AMessageWithText_Passes(string text)
    {
        Assert.True(_validator.Validate(new SendMessage("alice", "lounge", text)).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t")]
    public void Validate_AnEmptyMessage_Fails(string? text)
    {
        var failure = Assert.Single(_validator.Validate(new SendMessage("alice", "lounge", text)).Errors);

        Assert.Equal(nameof(SendMessage.Message), failure.PropertyName);
        Assert.Equal("A message cannot be empty.", failure.ErrorMessage);
    }

    [Fact]
    public void Validate_AMessageOverTwoThousandCharacters_Fails()
    {
        Assert.True(_validator.Validate(new SendMessage("alice", "lounge", new string('x', 2000))).IsValid);

        var failure = Assert.Single(_validator.Validate(new SendMessage("alice", "lounge", new string('x', 2001))).Errors);
        Assert.Equal("A message is at most 2000 characters.", failure.ErrorMessage);
    }

    [Fact]
    public void Validate_WithoutSenderOrRoom_SaysWhatIsMissing()
    {
        var result = _validator.Validate(new SendMessage(null, "", "hi"));

        Assert.Equal(
            ["Say who the message is from.", "Say which room the message is for."],
            result.Errors.Select(e => e.ErrorMessage));
    }
}
