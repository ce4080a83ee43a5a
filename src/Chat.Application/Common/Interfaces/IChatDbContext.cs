using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Common.Interfaces;

/// <summary>
/// What the handlers read and change. EF Core already is a repository and a unit
/// of work, so handlers query these sets directly (see ADR-003). Transactions are
/// not theirs to open: a command marked <see cref="Behaviours.ITransactional"/> runs
/// in one, opened and committed by the pipeline (ADR-011).
/// </summary>
public interface IChatDbContext
{
    DbSet<User> Users { get; }

    DbSet<ChatSession> Sessions { get; }

    DbSet<SessionMember> Members { get; }

    DbSet<ChatMessage> Messages { get; }

    /// <summary>
    /// Saves tracked changes. Throws <see cref="Exceptions.ConcurrencyConflictException"/>
    /// when another request changed the same aggregate first, and
    /// <see cref="Exceptions.UniqueConstraintException"/> when a unique index refuses the row.
    /// </summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
