using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Mapping;
using Chat.Application.Common.Models;
using Chat.Application.Common.Telemetry;
using Chat.Application.Messages.Common;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Mediator;

namespace Chat.Application.Messages.SendMessage;

/// <summary>
/// A player says something in a room: stored first, then broadcast to the room,
/// and heard by its robot. The text was checked by <see cref="SendMessageValidator"/>;
/// the log checks the seat as it stores.
/// </summary>
/// <remarks>
/// With a <c>ClientMsgId</c>, sending again (after a lost acknowledgement, a reconnect,
/// from a second tab) answers with the message stored the first time and tells no one.
/// </remarks>
public sealed record SendMessage(string? From, string? Room, string? Message, string? ClientMsgId = null) : ICommand<MessageDto>;

public sealed class SendMessageHandler(
    IMessageLog log,
    ICurrentUser currentUser,
    IChatBroadcaster broadcaster,
    IRobotTurns robots,
    TimeProvider clock) : ICommandHandler<SendMessage, MessageDto>
{
    public async ValueTask<MessageDto> Handle(SendMessage command, CancellationToken cancellationToken)
    {
        // The writer links its commit to this activity, and the broadcast is its child:
        // one trace follows the message from the hub call to the room.
        using var activity = ChatTelemetry.Source.StartActivity(ChatTelemetry.Activities.SendMessage);
        var senderId = currentUser.RequireId();
        var sender = currentUser.Username!;
        if (!Username.IsExactly(command.From!, sender))
        {
            throw new ForbiddenAccessException($"You can only send messages as {sender}.");
        }

        var draft = new MessageDraft(senderId, sender, RoomName.Of(command.Room!), command.Message!, clock.GetUtcNow(), command.ClientMsgId);
        var outcome = await log.Append(draft, cancellationToken);
        var posted = outcome.PostedOrThrow();
        var message = posted.Message.ToDto(posted.Room);
        if (outcome.IsResend)
        {
            return message;
        }

        using (ChatTelemetry.Source.StartActivity(ChatTelemetry.Activities.Broadcast))
        {
            await broadcaster.MessagePosted(message, cancellationToken);
        }

        // After the broadcast, so a robot's answer can never overtake what it answers.
        robots.Heard(message);
        return message;
    }
}
