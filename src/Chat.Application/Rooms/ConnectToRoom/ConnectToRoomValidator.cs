using FluentValidation;

namespace Chat.Application.Rooms.ConnectToRoom;

public sealed class ConnectToRoomValidator : AbstractValidator<ConnectToRoom>
{
    /// <summary>The seed's wording, kept so seed clients recognise it.</summary>
    public const string Required = "Username and room name are required!";

    public ConnectToRoomValidator()
    {
        RuleFor(c => c)
            .Must(c => !string.IsNullOrWhiteSpace(c.Room) && !string.IsNullOrWhiteSpace(c.Username))
            .WithName("room")
            .WithMessage(Required);
        RuleFor(c => c.AfterSeq).GreaterThanOrEqualTo(0).WithMessage("after_seq must be a seq (0 or more).");
    }
}
