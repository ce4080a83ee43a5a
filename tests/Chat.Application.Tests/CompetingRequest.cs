using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chat.Application.Tests;

/// <summary>
/// Runs another request once, after the handler has read and decided but before
/// it writes: just before its first transaction begins, or, for a save that needs
/// no transaction, just before its first write. That is the window two real
/// requests race in.
/// </summary>
internal sealed class CompetingRequest(Func<Task> request) : DbTransactionInterceptor, IDbCommandInterceptor
{
    private static readonly string[] Writes = ["INSERT", "UPDATE", "DELETE"];

    private bool _done;

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection,
        TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        await RunOnce();
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        // Inside a transaction the other request could not use the shared connection.
        if (command.Transaction is null && Writes.Any(w => command.CommandText.TrimStart().StartsWith(w, StringComparison.OrdinalIgnoreCase)))
        {
            await RunOnce();
        }

        return result;
    }

    private async Task RunOnce()
    {
        if (!_done)
        {
            _done = true;
            await request();
        }
    }
}
