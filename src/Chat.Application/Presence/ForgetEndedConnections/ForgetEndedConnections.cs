using Chat.Application.Common.Interfaces;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat.Application.Presence.ForgetEndedConnections;

/// <summary>
/// Forgets the records of connections that ended more than
/// <see cref="PresenceOptions.ConnectionRetention"/> ago, except a seated player's
/// (the lapse rule may still need them). Returns how many were forgotten.
/// </summary>
public sealed record ForgetEndedConnections : ICommand<int>;

public sealed class ForgetEndedConnectionsHandler(IPresenceTracker presence, IOptions<PresenceOptions> options, TimeProvider clock)
    : ICommandHandler<ForgetEndedConnections, int>
{
    public async ValueTask<int> Handle(ForgetEndedConnections command, CancellationToken cancellationToken) =>
        await presence.ForgetEnded(clock.GetUtcNow() - options.Value.ConnectionRetention, cancellationToken);
}
