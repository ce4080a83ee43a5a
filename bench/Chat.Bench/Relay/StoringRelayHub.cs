using Microsoft.AspNetCore.SignalR;

namespace Chat.Bench.Relay;

/// <summary>
/// The relay that keeps the service's durability promise and nothing more: a message
/// is committed (<see cref="RelayStore"/>) before it is relayed to the group and the
/// call returns it.
/// </summary>
internal sealed class StoringRelayHub(RelayStore store) : Hub
{
    public Task Join(RelayJoin request) =>
        Groups.AddToGroupAsync(Context.ConnectionId, request.Room);

    public async Task<StoredRelayMessage> Message(RelayMessage message)
    {
        var stored = await store.Append(message);
        await Clients.Group(message.Room).SendAsync("message", stored);
        return stored;
    }
}
