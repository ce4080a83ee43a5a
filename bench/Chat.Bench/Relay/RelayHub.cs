using Microsoft.AspNetCore.SignalR;

namespace Chat.Bench.Relay;

/// <summary>
/// The ceiling the chat hub is measured against: it takes the same calls and
/// payloads, but only relays to the group (no auth, no mediator, no database).
/// </summary>
internal sealed class RelayHub : Hub
{
    public Task Join(RelayJoin request) =>
        Groups.AddToGroupAsync(Context.ConnectionId, request.Room);

    public Task Message(RelayMessage message) =>
        Clients.Group(message.Room).SendAsync("message", message);
}

internal sealed record RelayJoin(string Room, string Username);

internal sealed record RelayMessage(string From, string Room, string Message);
