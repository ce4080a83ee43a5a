using Chat.Domain.Messages;
using FluentValidation;

namespace Chat.Application.Messages.SendMessage;

public sealed class SendMessageValidator : AbstractValidator<SendMessage>
{
    /// <remarks>
    /// Every chat message passes here. FluentValidation's <c>NotEmpty</c>, given a string
    /// that is not blank, goes on to ask whether it is an empty sequence, which takes a
    /// new character enumerator: an allocation per rule per message, which <c>Must</c>
    /// does without (ADR-004). The other validators' rules for a room or a name read the
    /// same way.
    /// </remarks>
    public SendMessageValidator()
    {
        RuleFor(c => c.From).Must(from => !string.IsNullOrWhiteSpace(from)).WithMessage("Say who the message is from.");
        RuleFor(c => c.Room).Must(room => !string.IsNullOrWhiteSpace(room)).WithMessage("Say which room the message is for.");
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
