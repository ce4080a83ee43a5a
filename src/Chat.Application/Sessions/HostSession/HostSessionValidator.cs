using Chat.Application.Common.Interfaces;
using Chat.Domain.Sessions;
using FluentValidation;

namespace Chat.Application.Sessions.HostSession;

public sealed class HostSessionValidator : AbstractValidator<HostSession>
{
    public HostSessionValidator(IRobotCatalog robots)
    {
        RuleFor(c => c.Room).Custom((room, context) =>
        {
            if (RoomName.Problem(room) is { } problem)
            {
                context.AddFailure(nameof(HostSession.Room), problem);
            }
        });

        RuleFor(c => c.Robot)
            .Must(robot => robot is null || robots.Offers(robot))
            .WithMessage(_ => robots.Models.Count == 0
                ? "No robot is offered on this server."
                : $"The robot must be one of: {string.Join(", ", robots.Models)}.");

        RuleFor(c => c.MaxPlayersAllowed)
            .InclusiveBetween(ChatSession.MinPlayersAllowed, ChatSession.MaxPlayersAllowedLimit)
            .When(c => c.MaxPlayersAllowed is not null)
            .WithMessage(ChatSession.MaxPlayersRuleText);
    }
}
