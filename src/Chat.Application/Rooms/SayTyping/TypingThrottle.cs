using System.Collections.Concurrent;
using Chat.Domain.Messages;

namespace Chat.Application.Rooms.SayTyping;

/// <summary>
/// When each player's last typing signal was relayed by this process, so that
/// <see cref="Typing.IsDue"/> can drop the ones that come too soon. A signal is
/// worth nothing a second later, so the memory is only ever a second deep. (With
/// several processes each keeps its own; a player connected to two may be heard
/// twice a second, which costs nothing but a repeated "is typing".)
/// </summary>
public sealed class TypingThrottle
{
    /// <summary>Past this many players remembered, those whose last signal is stale are forgotten.</summary>
    public const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<int, DateTimeOffset> _last = new();

    /// <summary>True, and remembered, when the player's signal at <paramref name="now"/> is due.</summary>
    public bool TryPass(int userId, DateTimeOffset now)
    {
        while (true)
        {
            if (!_last.TryGetValue(userId, out var last))
            {
                if (_last.TryAdd(userId, now))
                {
                    Prune(now);
                    return true;
                }

                continue;
            }

            if (!Typing.IsDue(last, now))
            {
                return false;
            }

            if (_last.TryUpdate(userId, now, last))
            {
                return true;
            }
        }
    }

    private void Prune(DateTimeOffset now)
    {
        if (_last.Count <= MaxRemembered)
        {
            return;
        }

        foreach (var (userId, last) in _last)
        {
            if (Typing.IsDue(last, now))
            {
                _last.TryRemove(new KeyValuePair<int, DateTimeOffset>(userId, last));
            }
        }
    }
}
