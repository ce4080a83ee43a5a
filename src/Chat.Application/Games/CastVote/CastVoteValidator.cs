using Chat.Domain.Common;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using FluentValidation;

namespace Chat.Application.Games.CastVote;

public sealed class CastVoteValidator : AbstractValidator<CastVote>
{
    public const string SuspectRequired = "suspect is required: the name of the player you take for the robot.";

    public CastVoteValidator()
    {
        RuleFor(c => c.Room).Custom((room, context) =>
        {
            if (RoomName.Problem(room) is { } problem)
            {
                context.AddFailure(nameof(CastVote.Room), problem);
            }
        });
        RuleFor(c => c.Suspect)
            .Must(s => !string.IsNullOrWhiteSpace(s) && s.Trim().Length <= Username.MaxStoredLength && Names.IsValidText(s))
            .WithMessage(SuspectRequired);
    }
}
