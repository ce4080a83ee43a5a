using Chat.Application.Common.Interfaces;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat.Application.Presence.FindLapsedPlayers;

/// <summary>A present player whose every connection has been gone longer than the grace period.</summary>
public sealed record LapsedPlayer(int UserId, int SessionId);

/// <summary>
/// The players whose seats have lapsed. A connection counts as gone when it
/// closed, or when its process stopped vouching for it for
/// <see cref="PresenceOptions.ConnectionStaleAfter"/> (the process is presumed
/// dead); a seat lapses once the player's last connection has been gone for
/// <see cref="PresenceOptions.DisconnectGrace"/>. A connection that ended before
/// the player took the seat says nothing about this stay, and a player who never
/// connected (a REST-only client) never lapses.
/// </summary>
public sealed record FindLapsedPlayers : IQuery<IReadOnlyList<LapsedPlayer>>;

public sealed class FindLapsedPlayersHandler(IPresenceTracker presence, IOptions<PresenceOptions> options, TimeProvider clock)
    : IQueryHandler<FindLapsedPlayers, IReadOnlyList<LapsedPlayer>>
{
    public async ValueTask<IReadOnlyList<LapsedPlayer>> Handle(FindLapsedPlayers query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var absent = await presence.AbsentSeats(now - settings.ConnectionStaleAfter, cancellationToken);
        var goneBefore = now - settings.DisconnectGrace;
        return [.. absent
            .Where(seat => seat.LastGone is { } gone && gone >= seat.JoinedAt && gone < goneBefore)
            .Select(seat => new LapsedPlayer(seat.UserId, seat.SessionId))];
    }
}
