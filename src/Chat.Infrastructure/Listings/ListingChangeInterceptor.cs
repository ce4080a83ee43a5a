using System.Data.Common;
using System.Runtime.CompilerServices;
using Chat.Domain.Games;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;

namespace Chat.Infrastructure.Listings;

/// <summary>
/// Moves the <see cref="ListingVersionRecord"/> in every transaction that saves a change
/// to what the lobby lists (users, sessions, players, games and votes): as its last
/// statement, just before it commits, so the count and the change commit together and
/// the row is the last one the transaction locks (two transactions cannot each hold
/// what the other waits for). A save of such a change outside a transaction is given
/// one. Commit comes before the command's announcements (TransactionBehaviour), so by
/// the time a room hears <c>session_updated</c> no listing before it is served again.
/// </summary>
public sealed class ListingChangeInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<Type> Listed = [typeof(User), typeof(ChatSession), typeof(SessionMember), typeof(Game), typeof(Vote)];
    private static readonly object Marker = new();

    /// <summary>Contexts whose current transaction has saved a listed change.</summary>
    private readonly ConditionalWeakTable<DbContext, object> _changed = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    InterceptionResult IDbTransactionInterceptor.TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is { } context && _changed.Remove(context))
        {
            Advance(context).ExecuteUpdate(Increment);
        }

        return result;
    }

    async ValueTask<InterceptionResult> IDbTransactionInterceptor.TransactionCommittingAsync(
        DbTransaction transaction,
        TransactionEventData eventData,
        InterceptionResult result,
        CancellationToken cancellationToken)
    {
        if (eventData.Context is { } context && _changed.Remove(context))
        {
            await Advance(context).ExecuteUpdateAsync(Increment, cancellationToken);
        }

        return result;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    private static IQueryable<ListingVersionRecord> Advance(DbContext context) =>
        context.Set<ListingVersionRecord>().Where(v => v.Id == ListingVersionRecord.OnlyId);

    private static void Increment(UpdateSettersBuilder<ListingVersionRecord> set) => set.SetProperty(v => v.Value, v => v.Value + 1);

    private void Note(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is not { } context || !ChangesListing(context))
        {
            return;
        }

        // A single-statement save would otherwise run without a transaction, and with it
        // no moment before its commit to move the count in.
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        _changed.AddOrUpdate(context, Marker);
    }

    /// <summary>A failed save, or a rollback: a transaction that does not commit changed nothing listed.</summary>
    private void Forget(DbContextEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _changed.Remove(context);
        }
    }

    private static bool ChangesListing(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Listed.Contains(entry.Metadata.ClrType))
            {
                return true;
            }
        }

        return false;
    }
}
