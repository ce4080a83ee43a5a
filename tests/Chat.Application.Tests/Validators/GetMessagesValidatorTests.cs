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

    [Theory]
    [InlineData(1L, null, 2L, null, "AfterSeq")]
    [InlineData(1L, null, null, 2L, "BeforeSeq")]
    [InlineData(null, 1L, 2L, null, "AfterSeq")]
    [InlineData(null, 1L, null, 2L, "BeforeSeq")]
    [InlineData(1L, 9L, 2L, 8L, "AfterSeq")]
    public void Validate_IdsAndSeqsMixed_FailsOnceNamingASeqTheCallerSent(long? afterId, long? beforeId, long? afterSeq, long? beforeSeq, string field)
    {
        var failure = Assert.Single(_validator.Validate(new GetMessages("lounge", afterId, beforeId, null, afterSeq, beforeSeq)).Errors);

        Assert.Equal(field, failure.PropertyName);
        Assert.Equal(GetMessagesValidator.MixedBounds, failure.ErrorMessage);
    }
}
