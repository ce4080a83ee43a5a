using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Chat.Infrastructure.Persistence.Configurations;
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

    /// <remarks>
    /// Changes are detected once, here. Each look at the tracked entries would detect them
    /// again, and there are several before a save: whether any new message needs numbering,
    /// the numbering itself, the listing interceptor's look, and the save's own. Between
    /// this detection and the save nothing changes an entity behind the tracker's back:
    /// the numbers are set through it.
    /// </remarks>
    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        if (!ChangeTracker.AutoDetectChangesEnabled)
        {
            return await SaveDetectedChanges(cancellationToken);
        }

        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveDetectedChanges(cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    private async Task<int> SaveDetectedChanges(CancellationToken cancellationToken)
    {
        try
        {
            if (!HasMessagesToNumber())
            {
                return await base.SaveChangesAsync(cancellationToken);
            }

            // The numbers and the rows they number are one transaction.
            if (Database.CurrentTransaction is not null)
            {
                return await SaveNumbered(cancellationToken);
            }

            await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
            var saved = await SaveNumbered(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return saved;
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(ex);
        }
        catch (DbUpdateException ex) when (UniqueViolations.IsUniqueViolation(ex))
        {
            throw new UniqueConstraintException(ex);
        }
        catch (Exception ex) when (ex is not ServiceUnavailableException && UnavailableDatabase.Is(ex))
        {
            // The interceptor's exception arrives wrapped in EF's DbUpdateException.
            throw UnavailableDatabase.Translate(ex.InnerException is ServiceUnavailableException inner ? inner : ex);
        }
    }

    private bool HasMessagesToNumber() =>
        ChangeTracker.Entries<ChatMessage>().Any(e => e.State == EntityState.Added && e.Entity.Seq == 0);

    /// <summary>
    /// Saves the changes with their new messages numbered, and a room's second and later
    /// new messages each in a save of its own. A room's ids must rise with its seqs: v1
    /// history pages by id through the seq index (<c>History.Page</c>). One insert per
    /// message draws the ids in seq order; a multi-row insert need not (SQL Server's
    /// <c>MERGE</c> promises no order). Several new messages of one room in one save are
    /// rare (a session's notices are saved one at a time), so the extra statements cost little.
    /// </summary>
    private async Task<int> SaveNumbered(CancellationToken cancellationToken)
    {
        var later = ChangeTracker.Entries<ChatMessage>()
            .Where(e => e.State == EntityState.Added && e.Entity.Seq == 0)
            .GroupBy(e => e.Entity.SessionId)
            .SelectMany(room => room.Skip(1))
            .ToList();
        foreach (var entry in later)
        {
            entry.State = EntityState.Detached;
        }

        await NumberNewMessages(cancellationToken);
        var saved = await base.SaveChangesAsync(cancellationToken);
        foreach (var entry in later)
        {
            Messages.Add(entry.Entity);
            await NumberNewMessages(cancellationToken);
            saved += await base.SaveChangesAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>
    /// Gives each new message the next <see cref="ChatMessage.Seq"/> of its session, in
    /// the order the change tracker lists them, by moving the session's counter. That is
    /// not always the order they were added in (the tracker reuses the places of rows it
    /// saved earlier), so a caller that needs one room's new messages in an order saves
    /// them one at a time (<c>SessionCommitter</c>). The update holds the
    /// session row until the transaction ends, so a session's numbers follow the order
    /// its messages commit in, on any number of servers (ADR-013). The group-commit
    /// writer moves the same counter in its own statements (ADR-004).
    /// </summary>
    private async Task NumberNewMessages(CancellationToken cancellationToken)
    {
        var added = ChangeTracker.Entries<ChatMessage>()
            .Where(e => e.State == EntityState.Added && e.Entity.Seq == 0)
            .GroupBy(e => e.Entity.SessionId)
            .ToList();
        foreach (var session in added)
        {
            var count = session.Count();
            await Sessions.Where(s => s.Id == session.Key)
                .ExecuteUpdateAsync(set => set.SetProperty(s => EF.Property<long>(s, SessionColumns.LastSeq), s => EF.Property<long>(s, SessionColumns.LastSeq) + count), cancellationToken);
            var last = await Sessions.Where(s => s.Id == session.Key).Select(s => EF.Property<long>(s, SessionColumns.LastSeq)).SingleAsync(cancellationToken);
            var seq = last - count;
            foreach (var entry in session)
            {
                entry.Property(m => m.Seq).CurrentValue = ++seq;
            }
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
