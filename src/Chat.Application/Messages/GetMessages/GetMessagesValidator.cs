using FluentValidation;

namespace Chat.Application.Messages.GetMessages;

public sealed class GetMessagesValidator : AbstractValidator<GetMessages>
{
    public const string MixedBounds = "Page by ids (after_id, before_id) or by seqs (after_seq, before_seq), not both.";

    public GetMessagesValidator()
    {
        RuleFor(q => q.AfterId).GreaterThanOrEqualTo(0).WithMessage("after_id must be a message id (0 or more).");
        RuleFor(q => q.BeforeId).GreaterThanOrEqualTo(0).WithMessage("before_id must be a message id (0 or more).");
        RuleFor(q => q.AfterSeq).GreaterThanOrEqualTo(0).WithMessage("after_seq must be a seq (0 or more).");
        RuleFor(q => q.BeforeSeq).GreaterThanOrEqualTo(0).WithMessage("before_seq must be a seq (0 or more).");
        RuleFor(q => q.Limit).GreaterThanOrEqualTo(1).WithMessage("limit must be at least 1.");
        RuleFor(q => q).Custom((q, context) =>
        {
            // Named by a seq the caller sent, so the error points at a field of the request.
            if ((q.AfterId is not null || q.BeforeId is not null) && (q.AfterSeq is not null || q.BeforeSeq is not null))
            {
                context.AddFailure(q.AfterSeq is not null ? nameof(GetMessages.AfterSeq) : nameof(GetMessages.BeforeSeq), MixedBounds);
            }
        });
    }
}
