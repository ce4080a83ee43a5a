using FluentValidation;

namespace Chat.Application.Rooms.JoinRoom;

public sealed class JoinRoomValidator : AbstractValidator<JoinRoom>
{
    /// <summary>The seed's wording, kept so seed clients recognise it.</summary>
    public const string Required = "Username and room name are required!";

    public JoinRoomValidator()
    {
        RuleFor(c => c)
            .Must(c => !string.IsNullOrWhiteSpace(c.Room) && !string.IsNullOrWhiteSpace(c.Username))
            .WithName("room")
            .WithMessage(Required);
    }
}
