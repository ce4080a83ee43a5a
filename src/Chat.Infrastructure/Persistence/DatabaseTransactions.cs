using Chat.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chat.Infrastructure.Persistence;

/// <summary>Transactions of the request's <see cref="ChatDbContext"/>.</summary>
internal sealed class DatabaseTransactions(ChatDbContext db, DatabaseWrites? writes = null) : IDatabaseTransactions
{
    public async Task<IDatabaseTransaction> Begin(CancellationToken cancellationToken)
    {
        try
        {
            return new Transaction(db, await db.Database.BeginTransactionAsync(cancellationToken));
        }
        catch (Exception ex) when (UnavailableDatabase.Is(ex))
        {
            // SQLite takes its write lock at BEGIN, and EF reports no interceptor event for it.
            writes?.Refused();
            throw UnavailableDatabase.Translate(ex);
        }
    }

    private sealed class Transaction(ChatDbContext db, IDbContextTransaction transaction) : IDatabaseTransaction
    {
        private bool _committed;

        public async Task Commit(CancellationToken cancellationToken)
        {
            await transaction.CommitAsync(cancellationToken);
            _committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            // Disposing an uncommitted transaction rolls it back; the context must then
            // forget what it tracked, or a retry would save the lost attempt's changes.
            await transaction.DisposeAsync();
            if (!_committed)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
