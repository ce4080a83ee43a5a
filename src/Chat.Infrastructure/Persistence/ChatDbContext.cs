using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Chat.Infrastructure.Persistence;

/// <summary>
/// The EF Core unit of work. Each database provider has a subclass in
/// Providers/ so that each keeps its own migration set (ADR-005).
/// </summary>
public abstract class ChatDbContext(DbContextOptions options) : DbContext(options), IChatDbContext, IDataProtectionKeyContext
{
    /// <summary>The keys that protect auth cookies, shared so that every process reads every cookie.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<User> Users => Set<User>();

    public DbSet<ChatSession> Sessions => Set<ChatSession>();

    public DbSet<SessionMember> Members => Set<SessionMember>();

    public DbSet<ChatMessage> Messages => Set<ChatMessage>();

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(ex);
        }
        catch (DbUpdateException ex) when (UniqueViolations.IsUniqueViolation(ex))
        {
            throw new UniqueConstraintException(ex);
        }
    }

    /// <summary>
    /// EF would index every foreign key. Each index is written on every insert, and
    /// ones no query reads are pure cost on the send path (ADR-004): users are never
    /// deleted, so nothing looks up messages or sessions by their user. The indexes
    /// queries do need are declared in the entity configurations.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Conventions.Remove<ForeignKeyIndexConvention>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ChatDbContext).Assembly);
    }
}
