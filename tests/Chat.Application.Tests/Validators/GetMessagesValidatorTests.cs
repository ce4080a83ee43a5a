using Chat.Application.Messages.GetMessages;

namespace Chat.Application.Tests.Validators;

public sealed class GetMessagesValidatorTests
{
    private readonly GetMessagesValidator _validator = new();

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(0L, 10L, 1)]
    [InlineData(5L, null, 10_000)]
    public void Validate_SensibleNumbers_Pass(long? afterId, long? beforeId, int? limit)
    {
        Assert.True(_validator.Validate(new GetMessages("lounge", afterId, beforeId, limit)).IsValid);
    }

    [Fact]
    public void Validate_NegativeIdsOrANonPositiveLimit_FailEach()
    {
        var result = _validator.Validate(new GetMessages("lounge", AfterId: -1, BeforeId: -1, Limit: 0));

        Assert.Equal(
            ["after_id must be a message id (0 or more).", "before_id must be a message id (0 or more).", "limit must be at least 1."],
            result.Errors.Select(e => e.ErrorMessage));
    }
}
