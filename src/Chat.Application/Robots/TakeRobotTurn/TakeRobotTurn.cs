using System.Security.Cryptography;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Mapping;
using Chat.Application.Common.Models;
using Chat.Domain.Messages;
using Chat.Domain.Robots;
using Chat.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Robots.TakeRobotTurn;

/// <summary>
/// A session's robot answers the room: it reads the recent conversation, starts
/// typing (the room hears <c>typing</c> from it once a second, as from a person's
/// page), asks its model with the persona it keeps for the game, goes on typing for
/// as long as <see cref="HumanPace.Typing"/> says a person takes over a reply that
/// long, and posts the reply exactly as a player's message is posted. It stays
/// silent when the last word is its own, when the session is over, when the model
/// gives nothing usable, and, in company, for about half the remarks that ask it
/// nothing (<see cref="HumanPace.LetsGoBy"/>). Its message carries a client id shaped
/// like the page's, stored through the same idempotent path. Returns the posted
/// message, or null for silence.
/// </summary>
/// <remarks>
/// With players on several servers each server hears its own players, so two can
/// start a turn for one robot at once. The turn is taken under a lease every server
/// shares (<see cref="IRobotTurnLease"/>): the second waits for the first to finish,
/// then reads the room afresh, and keeps quiet if the robot had the last word. So
/// the robot answers each turn once. <c>MaxTurn</c> bounds both the lease and the wait.
/// </remarks>
public sealed record TakeRobotTurn(int SessionId, TimeSpan? MaxTurn = null) : ICommand<MessageDto?>
{
    public static readonly TimeSpan DefaultMaxTurn = TimeSpan.FromSeconds(30);

    /// <summary>How often a server waiting for another's turn looks again.</summary>
    public static readonly TimeSpan LeasePoll = TimeSpan.FromMilliseconds(100);
}

public sealed class TakeRobotTurnHandler(
    IChatDbContext db,
    IRobotReplies replies,
    IMessageLog log,
    IChatBroadcaster broadcaster,
    IRobotTurnLease lease,
    HumanPace pace,
    TimeProvider clock) : ICommandHandler<TakeRobotTurn, MessageDto?>
{
    /// <summary>Enough to follow the thread; the model's prompt stays small and fast.</summary>
    public const int ContextSize = 20;

    public async ValueTask<MessageDto?> Handle(TakeRobotTurn command, CancellationToken cancellationToken)
    {
        var maxTurn = command.MaxTurn ?? TakeRobotTurn.DefaultMaxTurn;
        var giveUpAt = clock.GetUtcNow() + maxTurn;
        while (!await lease.TryTake(command.SessionId, clock.GetUtcNow(), clock.GetUtcNow() + maxTurn, cancellationToken))
        {
            if (clock.GetUtcNow() >= giveUpAt)
            {
                return null;
            }

            await Task.Delay(TakeRobotTurn.LeasePoll, clock, cancellationToken);
        }

        try
        {
            return await Answer(command, cancellationToken);
        }
        finally
        {
            await lease.Release(command.SessionId, CancellationToken.None);
        }
    }

    private async Task<MessageDto?> Answer(TakeRobotTurn command, CancellationToken cancellationToken)
    {
        var seat = await db.Members
            .AsNoTracking()
            .Where(m => m.SessionId == command.SessionId && m.IsRobot && m.LeftAt == null && m.AnnouncedAt != null)
            .Join(
                db.Sessions.Where(s => s.State != SessionState.Inactive && s.Robot != null),
                m => m.SessionId,
                s => s.Id,
                (m, s) => new Seat(m.UserId, m.Username, s.Room, s.Robot!))
            .FirstOrDefaultAsync(cancellationToken);
        if (seat is null)
        {
            return null;
        }

        var recent = await db.Messages
            .AsNoTracking()
            .Where(m => m.SessionId == command.SessionId && m.Kind == MessageKind.Chat)
            .OrderByDescending(m => m.Seq)
            .Take(ContextSize)
            .ToListAsync(cancellationToken);
        recent.Reverse();

        // Never answer itself: with nothing new from the others, a person would keep quiet too.
        if (recent.Count == 0 || recent[^1].SenderId == seat.UserId)
        {
            return null;
        }

        if (pace.LetsGoBy([.. recent.Select(m => (m.Sender, m.Text))], seat.Username))
        {
            return null;
        }

        var conversation = new RobotConversation(
            seat.Username,
            [.. recent.Select(m => new ConversationLine(m.Sender, m.Text, IsOwn: m.SenderId == seat.UserId))],
            RobotPersona.For(seat.Username));

        var reply = await Typed(seat, command.SessionId, conversation, cancellationToken);
        if (reply is null)
        {
            return null;
        }

        var draft = new MessageDraft(seat.UserId, seat.Username, RoomName.Of(seat.Room), reply, clock.GetUtcNow(), NewClientMsgId());

        // Refused only when the session ended (and the robot left with it) while the model was thinking.
        if ((await log.Append(draft, cancellationToken)).Posted is not { } posted)
        {
            return null;
        }

        // Stored and broadcast like a player's message; it is not heard by the robot itself.
        var message = posted.Message.ToDto(posted.Room);
        await broadcaster.MessagePosted(message, cancellationToken);
        return message;
    }

    /// <summary>
    /// The model's reply, asked for while the robot is seen typing, and returned once
    /// a person would have finished typing it; null, and the typing stops, when there
    /// is none.
    /// </summary>
    private async Task<string?> Typed(Seat seat, int sessionId, RobotConversation conversation, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = KeepTyping(new TypingDto(seat.Room, seat.Username), sessionId, seat.UserId, done.Token);
        try
        {
            var reply = await replies.ReplyAsync(sessionId, seat.Model, conversation, cancellationToken);
            if (reply is null || ChatMessage.TextProblem(reply) is not null)
            {
                return null;
            }

            var left = started + pace.Typing(reply.Length) - clock.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left, clock, cancellationToken);
            }

            return reply;
        }
        finally
        {
            // The last signal goes out before the message, never after it.
            await done.CancelAsync();
            await typing;
        }
    }

    /// <summary>Says "typing" at once and then once a second until stopped; never throws.</summary>
    private async Task KeepTyping(TypingDto typing, int sessionId, int robotId, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await broadcaster.Typing(typing, sessionId, robotId, CancellationToken.None);
                await Task.Delay(Typing.MinInterval, clock, stop);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the reply is ready, or there is none.
        }
    }

    /// <summary>
    /// A client id as the service's page gives every line it sends: 32 random lower-case
    /// hex digits. Without one the robot's lines were the only ones of a room played
    /// from the page with a null <c>client_msg_id</c>.
    /// </summary>
    public static string NewClientMsgId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private sealed record Seat(int UserId, string Username, string Room, string Model);
}
