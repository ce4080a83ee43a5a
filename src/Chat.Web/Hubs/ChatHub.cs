using Chat.Application.Common.Models;
using Chat.Application.Games.CastVote;
using Chat.Application.Messages.FindResentMessage;
using Chat.Application.Messages.SendMessage;
using Chat.Application.Presence.TrackConnection;
using Chat.Application.Rooms.ConnectToRoom;
using Chat.Application.Rooms.SayTyping;
using Chat.Infrastructure.Realtime;
using Chat.Web.Identity;
using Chat.Web.Limits;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Web.Hubs;

/// <summary>
/// The seed's Socket.IO namespace as a SignalR hub. Each method is one command;
/// events are sent by name (<see cref="ChatEvents"/>) because the contract's
/// names are not C# method names.
/// </summary>
[Authorize]
public sealed class ChatHub(ISender sender, ConnectionRegistry connections, HubErrorFilter errors) : Hub
{
    public sealed record JoinRequest(string? Room, string? Username, long? AfterSeq) : HubArgument, IHubArgument<JoinRequest>
    {
        public static JoinRequest CouldNotRead(ValidationFailure unreadable) => new(null, null, null) { Unreadable = unreadable };
    }

    public sealed record MessageRequest(string? From, string? Room, string? Message, string? ClientMsgId) : HubArgument, IHubArgument<MessageRequest>, IResendableArgument
    {
        public IQuery<MessageDto?>? Resent => ClientMsgId is null || Unreadable is not null ? null : new FindResentMessage(From, Room, ClientMsgId);

        public static MessageRequest CouldNotRead(ValidationFailure unreadable) => new(null, null, null, null) { Unreadable = unreadable };
    }

    public sealed record VoteRequest(string? Room, string? Suspect) : HubArgument, IHubArgument<VoteRequest>
    {
        public static VoteRequest CouldNotRead(ValidationFailure unreadable) => new(null, null) { Unreadable = unreadable };
    }

    public sealed record TypingRequest(string? Room) : HubArgument, IHubArgument<TypingRequest>
    {
        public static TypingRequest CouldNotRead(ValidationFailure unreadable) => new((string?)null) { Unreadable = unreadable };
    }

    public sealed record ErrorEvent(string Msg);

    /// <summary>
    /// SignalR calls <see cref="OnDisconnectedAsync"/> only if this succeeds. So the row
    /// is written even when the client is already going (OnDisconnectedAsync then
    /// closes it), and the connection is listed for the heartbeat only once written:
    /// a failure here must not leave an entry that nothing would ever remove.
    /// </summary>
    public override async Task OnConnectedAsync()
    {
        if (HubCaller.Of(Context) is { } caller)
        {
            await sender.Send(new ConnectionOpened(Context.ConnectionId), CancellationToken.None);
            connections.Add(caller.Id, Context);
        }
    }

    /// <summary>The player keeps their place for the grace period; the presence sweep decides after that.</summary>
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        await sender.Send(new ConnectionClosed(Context.ConnectionId), CancellationToken.None);
    }

    /// <summary>Failures are also sent as an <c>error</c> event, as the seed did, before the call fails.</summary>
    [HubMethodName("join")]
    public async Task<ConnectedToRoom> Join(JoinRequest? request)
    {
        try
        {
            if (request?.Unreadable is { } unreadable)
            {
                throw HubArgument.Refusal(unreadable);
            }

            return await sender.Send(new ConnectToRoom(request?.Room, request?.Username, Context.ConnectionId, request?.AfterSeq), Context.ConnectionAborted);
        }
        catch (Exception ex)
        {
            var reason = errors.ReasonFor(ex, "join");
            await Clients.Caller.SendAsync(ChatEvents.Error, new ErrorEvent(reason));
            throw new HubException(reason);
        }
    }

    /// <summary>
    /// Hands SignalR the mediator's own task: the method awaits nothing of its own, so a
    /// chat message passes it without a state machine (ADR-004).
    /// </summary>
    [HubMethodName("message")]
    public ValueTask<MessageDto> Message(MessageRequest? request) =>
        request?.Unreadable is { } unreadable ? throw HubArgument.Refusal(unreadable) :
        sender.Send(new SendMessage(request?.From, request?.Room, request?.Message, request?.ClientMsgId), Context.ConnectionAborted);

    /// <summary>During a game's vote: names the player the caller takes for the robot; returns the game.</summary>
    [HubMethodName("vote")]
    public ValueTask<GameDto> Vote(VoteRequest? request) =>
        request?.Unreadable is { } unreadable ? throw HubArgument.Refusal(unreadable) :
        sender.Send(new CastVote(request?.Room, request?.Suspect), Context.ConnectionAborted);

    /// <summary>Succeeds also when the signal came too soon and was dropped: a client has nothing to do about that.</summary>
    [HubMethodName("typing")]
    public async Task Typing(TypingRequest? request) =>
        await (request?.Unreadable is { } unreadable ? throw HubArgument.Refusal(unreadable) : sender.Send(new SayTyping(request?.Room), Context.ConnectionAborted));
}
