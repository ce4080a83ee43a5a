using Chat.Application.Common.Behaviours;
using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Sessions.Common;
using Chat.Domain.Games;
using Chat.Domain.Sessions;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Games.CastVote;

/// <summary>
/// The caller names the player they take for the robot, or changes their vote. Two
/// votes at once race on the session's concurrency token; run again, neither is lost.
/// Returns the game as it stands after the vote.
/// </summary>
public sealed record CastVote(string? Room, string? Suspect) : ICommand<GameDto>, IRetryOnConflict;

public sealed class CastVoteHandler(IChatDbContext db, ICurrentUser currentUser, SessionCommitter committer, TimeProvider clock)
    : ICommandHandler<CastVote, GameDto>
{
    public async ValueTask<GameDto> Handle(CastVote command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var room = RoomName.Of(command.Room!);
        var session = await db.Sessions.Include(s => s.Members).FirstOrDefaultAsync(s => s.NormalizedRoom == room.Key, cancellationToken)
            ?? throw new NotFoundException(Refusals.NoSuchRoom(room.Value));
        return await Ballots.Cast(session, userId, command.Suspect!, clock.GetUtcNow(), committer, cancellationToken);
    }
}

/// <summary>One way a ballot is cast, for a player and for the robot alike.</summary>
public static class Ballots
{
    public static async Task<GameDto> Cast(
        ChatSession session,
        int voterId,
        string suspect,
        DateTimeOffset at,
        SessionCommitter committer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(committer);
        try
        {
            session.Vote(voterId, suspect, at);
        }
        catch (VoteRefusedException refused)
        {
            throw Answer(refused);
        }

        var dto = await committer.Commit(session, cancellationToken);
        return dto.Game!;
    }

    /// <summary>The answer a caller gets for each reason the rules refuse a vote.</summary>
    public static Exception Answer(VoteRefusedException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return refused.Reason switch
        {
            VoteRefusal.NotAPlayer => new ForbiddenAccessException(refused.Message),
            VoteRefusal.NoSuchSuspect => new NotFoundException(refused.Message),
            VoteRefusal.Self => new ValidationException([new ValidationFailure(nameof(CastVote.Suspect), refused.Message)]),
            _ => new ConflictException(refused.Message),
        };
    }
}
