namespace Chat.Application.Common.Interfaces;

/// <summary>Opens the one transaction a command runs in; used only by <see cref="Behaviours.TransactionBehaviour{TMessage, TResponse}"/>.</summary>
public interface IDatabaseTransactions
{
    Task<IDatabaseTransaction> Begin(CancellationToken cancellationToken);
}

/// <summary>
/// A transaction of the request's <see cref="IChatDbContext"/>. Disposed without
/// <see cref="Commit"/>, it rolls back and forgets every change the context was
/// tracking, so the command can be run again from a clean slate.
/// </summary>
public interface IDatabaseTransaction : IAsyncDisposable
{
    Task Commit(CancellationToken cancellationToken);
}
