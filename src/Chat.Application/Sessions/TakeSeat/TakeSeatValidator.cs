using Chat.Domain.Sessions;
using FluentValidation;

namespace Chat.Application.Sessions.TakeSeat;

public sealed class TakeSeatValidator : AbstractValidator<TakeSeat>
{
    public TakeSeatValidator()
    {
        RuleFor(c => c.Room).Custom((room, context) =>
        {
            if (!context.InstanceToValidate.Random && RoomName.Problem(room) is { } problem)
            {
                context.AddFailure(nameof(TakeSeat.Room), $"{problem} Or send \"random\": true to join any open session.");
            }
        });
    }
}
