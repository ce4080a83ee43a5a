using Chat.Application.Common.Interfaces;
using Mediator;

namespace Chat.Application.Presence.TrackConnection;

/// <summary>A real-time connection of the caller opened.</summary>
public sealed record ConnectionOpened(string ConnectionId) : ICommand;

/// <summary>A real-time connection closed, for whatever reason.</summary>
public sealed record ConnectionClosed(string ConnectionId) : ICommand;

public sealed class TrackConnectionHandler(IPresenceTracker presence, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ConnectionOpened>, ICommandHandler<ConnectionClosed>
{
    public async ValueTask<Unit> Handle(ConnectionOpened command, CancellationToken cancellationToken)
    {
        await presence.Connected(command.ConnectionId, currentUser.RequireId(), clock.GetUtcNow(), cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(ConnectionClosed command, CancellationToken cancellationToken)
    {
        await presence.Disconnected(command.ConnectionId, clock.GetUtcNow(), cancellationToken);
        return Unit.Value;
    }
}
