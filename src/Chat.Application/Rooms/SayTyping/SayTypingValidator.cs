using FluentValidation;

namespace Chat.Application.Rooms.SayTyping;

public sealed class SayTypingValidator : AbstractValidator<SayTyping>
{
    public const string Required = "A room name is required.";

    public SayTypingValidator()
    {
        RuleFor(c => c.Room)
            .Must(room => !string.IsNullOrWhiteSpace(room))
            .WithName("room")
            .WithMessage(Required);
    }
}
