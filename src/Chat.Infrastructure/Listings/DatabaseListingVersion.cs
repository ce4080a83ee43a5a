using System.Collections.Concurrent;
using System.Globalization;
using Chat.Infrastructure.Persistence;
using Chat.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chat.Infrastructure.Listings;

/// <summary>
/// Reads the <see cref="ListingVersionRecord"/>: one row by its key, far cheaper than
/// the listings it stands for. Every lobby read needs it first (through
/// <see cref="CoalescedListingVersion"/>, which shares a node's reads), so it is one plain
/// command on the context's connection (opened and closed by EF, so the connection
/// interceptors still run), not a LINQ query: EF's query pipeline cost more than the
/// row itself (ADR-004). A database that cannot answer gives no stamp; the listing is
/// then asked of the database too and fails or succeeds as it does.
/// </summary>
internal sealed class DatabaseListingVersion(ChatDbContext db) : IListingVersion
{
    /// <summary>The statement for each provider's context type, written once from the model.</summary>
    private static readonly ConcurrentDictionary<Type, string> Statements = new();

    public async ValueTask<string?> Current(CancellationToken cancellationToken)
    {
        try
        {
            var statement = Statements.GetOrAdd(db.GetType(), static (_, context) => Statement(context), db);
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = statement;
                return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull
                    ? Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
                    : null;
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    private static string Statement(DbContext context)
    {
        var table = StoreTable.Of<ListingVersionRecord>(context, context.GetService<ISqlGenerationHelper>());
        return string.Create(
            CultureInfo.InvariantCulture,
            $"SELECT {table.Column(nameof(ListingVersionRecord.Value))} FROM {table.Name} WHERE {table.Column(nameof(ListingVersionRecord.Id))} = {ListingVersionRecord.OnlyId}");
    }
}
