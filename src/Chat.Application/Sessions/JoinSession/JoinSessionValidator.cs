using Chat.Domain.Sessions;
using FluentValidation;

namespace Chat.Application.Sessions.JoinSession;

public sealed class JoinSessionValidator : AbstractValidator<JoinSession>
{
    public JoinSessionValidator()
    {
        RuleFor(c => c.Room).Custom((room, context) =>
        {
            if (!context.InstanceToValidate.Random && RoomName.Problem(room) is { } problem)
            {
                context.AddFailure(nameof(JoinSession.Room), $"{problem} Or send \"random\": true to join any open session.");
            }
        });
    }
}
