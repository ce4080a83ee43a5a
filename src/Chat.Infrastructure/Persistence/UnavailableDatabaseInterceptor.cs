using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chat.Infrastructure.Persistence;

/// <summary>
/// Wherever EF touches the database (opening a connection, a command, a transaction),
/// a failure that means "the database cannot be used right now" is thrown on as
/// <see cref="Application.Common.Exceptions.ServiceUnavailableException"/>, so the web
/// edge answers one type with a 503 whatever the provider said. Other failures pass
/// unchanged. Refusals and commits are told to <see cref="DatabaseWrites"/> for readiness.
/// </summary>
internal sealed class UnavailableDatabaseInterceptor(DatabaseWrites writes) : DbCommandInterceptor, IDbConnectionInterceptor, IDbTransactionInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        ThrowIfUnavailable(eventData?.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ThrowIfUnavailable(eventData?.Exception);
        return Task.CompletedTask;
    }

    void IDbConnectionInterceptor.ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData)
    {
        if (!IsExistenceProbe(connection))
        {
            ThrowIfUnavailable(eventData?.Exception);
        }
    }

    Task IDbConnectionInterceptor.ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken)
    {
        if (!IsExistenceProbe(connection))
        {
            ThrowIfUnavailable(eventData?.Exception);
        }

        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        ThrowIfUnavailable(eventData?.Exception);

    Task IDbTransactionInterceptor.TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken)
    {
        ThrowIfUnavailable(eventData?.Exception);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        writes.Committed();

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        writes.Committed();
        return Task.CompletedTask;
    }

    /// <summary>
    /// EF asks whether a SQLite file exists by opening it read-only and expecting a
    /// failure when it does not (before migrating a fresh install): that failure is an answer.
    /// </summary>
    private static bool IsExistenceProbe(DbConnection connection) =>
        connection is SqliteConnection sqlite
        && new SqliteConnectionStringBuilder(sqlite.ConnectionString).Mode == SqliteOpenMode.ReadOnly;

    private void ThrowIfUnavailable(Exception? exception)
    {
        if (exception is not null && UnavailableDatabase.Is(exception))
        {
            writes.Refused();
            throw UnavailableDatabase.Translate(exception);
        }
    }
}
