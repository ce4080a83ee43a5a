using Chat.Domain.Common;
using Chat.Domain.Users;
using FluentValidation;

namespace Chat.Application.Games.CastVote;

/// <remarks>
/// A room is only required: a name that breaks the naming rules (too long, a '/') is
/// simply no such room, found by the handler as the history finds it.
/// </remarks>
public sealed class CastVoteValidator : AbstractValidator<CastVote>
{
    public const string RoomRequired = "A room name is required.";

    public const string SuspectRequired = "suspect is required: the name of the player you take for the robot.";

    public const string SuspectTooLong = "suspect is too long to be a player's name.";

    public const string SuspectNotText = "suspect is not a player's name: it is not valid Unicode text.";

    public CastVoteValidator()
    {
        RuleFor(c => c.Room).Must(room => !string.IsNullOrWhiteSpace(room)).WithMessage(RoomRequired);
        RuleFor(c => c.Suspect).Custom((suspect, context) =>
        {
            if (SuspectProblem(suspect) is { } problem)
            {
                context.AddFailure(nameof(CastVote.Suspect), problem);
            }
        });
    }

    private static string? SuspectProblem(string? suspect) =>
        string.IsNullOrWhiteSpace(suspect) ? SuspectRequired
        : !Names.IsValidText(suspect) ? SuspectNotText
        : suspect.Trim().Length > Username.MaxStoredLength ? SuspectTooLong
        : null;
}
