using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Domain.Sessions;

namespace Chat.Application.Messages.Common;

/// <summary>Turns the log's refusal of a message into what its sender is told.</summary>
public static class MessageRefusals
{
    /// <summary>The stored message, or the refusal as the exception the edge answers with.</summary>
    public static PostedMessage PostedOrThrow(this MessageOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Posted ?? throw outcome.Refusal switch
        {
            MessageRefusal.NoSuchRoom => new NotFoundException(Refusals.NoSuchRoom(outcome.Room)),
            MessageRefusal.SessionEnded => new ConflictException(Refusals.Ended(outcome.Room)),
            _ => new ForbiddenAccessException(Refusals.NotAPlayer(outcome.Room)),
        };
    }
}
