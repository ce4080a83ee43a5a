using Chat.Application.Common.Interfaces;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat.Application.Presence.FindLapsedPlayers;

/// <summary>A present player who has had no open connection for longer than the grace period.</summary>
public sealed record LapsedPlayer(int UserId, int SessionId);

/// <summary>
/// The players whose seats have lapsed. A connection counts as gone when it
/// closed, or when its process stopped vouching for it for
/// <see cref="PresenceOptions.ConnectionStaleAfter"/> (the process is presumed
/// dead); a seat lapses once the player's last connection has been gone for
/// <see cref="PresenceOptions.DisconnectGrace"/>. A seat is never held without a
/// connection for longer than that: one whose player never connected during this
/// stay (a REST-only client, or one whose connection ended before the seat was
/// taken) lapses once the grace has passed since the seat was taken.
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
            .Where(seat => LastThere(seat) < goneBefore)
            .Select(seat => new LapsedPlayer(seat.UserId, seat.SessionId))];
    }

    /// <summary>The last moment the seat was known to be held by a connection, or else when it was taken.</summary>
    private static DateTimeOffset LastThere(AbsentSeat seat) =>
        seat.LastGone is { } gone && gone > seat.JoinedAt ? gone : seat.JoinedAt;
}
