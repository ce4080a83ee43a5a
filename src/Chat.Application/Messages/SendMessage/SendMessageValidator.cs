using Chat.Domain.Messages;
using FluentValidation;

namespace Chat.Application.Messages.SendMessage;

public sealed class SendMessageValidator : AbstractValidator<SendMessage>
{
    public SendMessageValidator()
    {
        RuleFor(c => c.From).NotEmpty().WithMessage("Say who the message is from.");
        RuleFor(c => c.Room).NotEmpty().WithMessage("Say which room the message is for.");
        RuleFor(c => c.Message).Custom((text, context) =>
        {
            if (ChatMessage.TextProblem(text) is { } problem)
            {
                context.AddFailure(nameof(SendMessage.Message), problem);
            }
        });
        RuleFor(c => c.ClientMsgId).Custom((clientMsgId, context) =>
        {
            if (ChatMessage.ClientMsgIdProblem(clientMsgId) is { } problem)
            {
                context.AddFailure(nameof(SendMessage.ClientMsgId), problem);
            }
        });
    }
}
