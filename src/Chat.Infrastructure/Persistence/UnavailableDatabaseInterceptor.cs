using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chat.Infrastructure.Persistence;

/// <summary>
/// Wherever EF touches the database (opening a connection, a command, a transaction),
/// a failure that means "the database cannot be used right now" is thrown on as
/// <see cref="Application.Common.Exceptions.ServiceUnavailableException"/>, so the web
/// edge answers one type with a 503 whatever the provider said. Other failures pass
/// unchanged.
/// </summary>
internal sealed class UnavailableDatabaseInterceptor : DbCommandInterceptor, IDbConnectionInterceptor, IDbTransactionInterceptor
{
    public static UnavailableDatabaseInterceptor Instance { get; } = new();

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        ThrowIfUnavailable(eventData?.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ThrowIfUnavailable(eventData?.Exception);
        return Task.CompletedTask;
    }

    void IDbConnectionInterceptor.ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) =>
        ThrowIfUnavailable(eventData?.Exception);

    Task IDbConnectionInterceptor.ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken)
    {
        ThrowIfUnavailable(eventData?.Exception);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        ThrowIfUnavailable(eventData?.Exception);

    Task IDbTransactionInterceptor.TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken)
    {
        ThrowIfUnavailable(eventData?.Exception);
        return Task.CompletedTask;
    }

    private static void ThrowIfUnavailable(Exception? exception)
    {
        if (exception is not null && UnavailableDatabase.Is(exception))
        {
            throw UnavailableDatabase.Translate(exception);
        }
    }
}
