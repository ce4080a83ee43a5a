using FluentValidation;

namespace Chat.Application.Messages.GetMessages;

public sealed class GetMessagesValidator : AbstractValidator<GetMessages>
{
    public GetMessagesValidator()
    {
        RuleFor(q => q.AfterId).GreaterThanOrEqualTo(0).WithMessage("after_id must be a message id (0 or more).");
        RuleFor(q => q.BeforeId).GreaterThanOrEqualTo(0).WithMessage("before_id must be a message id (0 or more).");
        RuleFor(q => q.Limit).GreaterThanOrEqualTo(1).WithMessage("limit must be at least 1.");
    }
}
