using Chat.Application.Common.Behaviours;
using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Sessions.Common;
using Chat.Domain.Sessions;
using Mediator;

namespace Chat.Application.Sessions.LeaveSession;

public sealed record LeaveSession : ICommand<SessionDto>, IRetryOnConflict;

public sealed class LeaveSessionHandler(IChatDbContext db, ICurrentUser currentUser, SessionCommitter committer, Random random, TimeProvider clock)
    : ICommandHandler<LeaveSession, SessionDto>
{
    public async ValueTask<SessionDto> Handle(LeaveSession command, CancellationToken cancellationToken)
    {
        var user = await db.RequireUser(currentUser, cancellationToken);
        var session = await db.CurrentSessionOf(user.Id, cancellationToken)
            ?? throw new ConflictException(Refusals.NotInASession);
        session.Leave(user.Id, clock.GetUtcNow(), random);
        return await committer.Commit(session, cancellationToken);
    }
}
