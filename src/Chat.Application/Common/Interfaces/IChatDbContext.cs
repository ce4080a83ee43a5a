using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Chat.Application.Common.Interfaces;

/// <summary>
/// The unit of work the handlers use. EF Core already is a repository and a unit
/// of work, so handlers query these sets directly (see ADR-003).
/// </summary>
public interface IChatDbContext
{
    DbSet<User> Users { get; }

    DbSet<ChatSession> Sessions { get; }

    DbSet<SessionMember> Members { get; }

    DbSet<ChatMessage> Messages { get; }

    DatabaseFacade Database { get; }

    ChangeTracker ChangeTracker { get; }

    /// <summary>
    /// Saves tracked changes. Throws <see cref="Exceptions.ConcurrencyConflictException"/>
    /// when another request changed the same aggregate first, and
    /// <see cref="Exceptions.UniqueConstraintException"/> when a unique index refuses the row.
    /// </summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
