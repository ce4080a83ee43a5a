using System.Data.Common;
using System.Runtime.CompilerServices;
using Chat.Domain.Games;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chat.Infrastructure.Listings;

/// <summary>
/// Moves the <see cref="IListingVersion"/> when a save that touches what the lobby
/// lists (users, sessions, players, games and votes) has committed: at the end of
/// its transaction, or of the save itself when it had none. Commit comes before the
/// command's announcements (TransactionBehaviour), so by the time a room hears
/// <c>session_updated</c> the listing it may poll next is no longer cached.
/// </summary>
public sealed class ListingChangeInterceptor(IListingVersion version) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<Type> Listed = [typeof(User), typeof(ChatSession), typeof(SessionMember), typeof(Game), typeof(Vote)];
    private static readonly object Marker = new();

    private readonly ConditionalWeakTable<DbContext, object> _unsavedChanges = [];
    private readonly ConditionalWeakTable<DbTransaction, object> _uncommittedChanges = [];

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

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && _unsavedChanges.Remove(context))
        {
            version.Advance(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData,
        int result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && _unsavedChanges.Remove(context))
        {
            await version.Advance(CancellationToken.None);
        }

        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            _unsavedChanges.Remove(context);
        }

        return Task.CompletedTask;
    }

    async Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        if (_uncommittedChanges.Remove(transaction))
        {
            await version.Advance(CancellationToken.None);
        }
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (_uncommittedChanges.Remove(transaction))
        {
            version.Advance(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
    }

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        _uncommittedChanges.Remove(transaction);
        return Task.CompletedTask;
    }

    private void Note(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is not { } context || !ChangesListing(context))
        {
            return;
        }

        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            _uncommittedChanges.AddOrUpdate(transaction, Marker);
        }
        else
        {
            _unsavedChanges.AddOrUpdate(context, Marker);
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
