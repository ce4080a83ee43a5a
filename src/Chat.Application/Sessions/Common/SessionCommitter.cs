using Chat.Application.Common;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Mapping;
using Chat.Application.Common.Models;
using Chat.Application.Common.Telemetry;
using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Chat.Domain.Sessions.Events;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Sessions.Common;

/// <summary>
/// Saves a changed session together with the notices its events call for, and
/// announces the change to the room. Every use case that changes a session (host,
/// join, leave, logout, a lapsed seat) ends here; it runs inside the command's
/// transaction, so the room hears of it only once it is committed.
/// </summary>
public sealed class SessionCommitter(IChatDbContext db, Announcements announcements, TimeProvider clock)
{
    public async Task<SessionDto> Commit(ChatSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var events = session.Events.ToArray();
        session.ClearEvents();
        var now = clock.GetUtcNow();
        if (events.Any(e => e is SessionEnded))
        {
            await RetireRobots(session, now, cancellationToken);
        }

        // The session is saved first: a new one has no id for its notices until then.
        await db.SaveChangesAsync(cancellationToken);

        // One save per notice, so each takes the room's next seq in the order its event
        // happened. Saved together they would be numbered in the change tracker's order,
        // which is not the order they were added in once the request has saved other
        // new rows (the tracker reuses their places). The room then hears them in the
        // order they were stored: a client never sees a seq before the one under it.
        List<ChatMessage> notices = [];
        foreach (var text in events.Select(SessionNotices.For).OfType<string>())
        {
            var notice = ChatMessage.Notice(session.Id, text, now);
            db.Messages.Add(notice);
            await db.SaveChangesAsync(cancellationToken);
            notices.Add(notice);
        }

        foreach (var notice in notices)
        {
            announcements.MessagePosted(notice.ToDto(session.Room));
        }

        // A player's arrival changes no player, host or state: the room hears the notice only.
        var dto = session.ToDto();
        if (events.Any(e => e is not PlayerArrived))
        {
            announcements.SessionUpdated(dto);
        }

        if (dto.Game is { } game && events.Any(e => e is GamePhaseChanged or VotesChanged))
        {
            announcements.GameUpdated(session.Id, game);
        }

        foreach (var phase in events.OfType<GamePhaseChanged>())
        {
            ChatTelemetry.GamePhaseEntered(phase.Phase.ToString().ToLowerInvariant());
        }

        // After the room has been told, so the leaver's own connection sees its leave
        // confirmed and nothing of the room after it.
        foreach (var left in events.OfType<PlayerLeft>())
        {
            announcements.StopHearing(left.UserId, session.Id);
        }

        return dto;
    }

    /// <summary>A robot lives only as long as its session: its name is freed when the session ends.</summary>
    private async Task RetireRobots(ChatSession session, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var robotIds = session.Members.Where(m => m.IsRobot).Select(m => m.UserId).ToList();
        if (robotIds.Count == 0)
        {
            return;
        }

        var robots = await db.Users.Where(u => robotIds.Contains(u.Id) && u.SignedOutAt == null).ToListAsync(cancellationToken);
        foreach (var robot in robots)
        {
            robot.SignOut(at);
        }
    }
}
