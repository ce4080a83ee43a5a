using System.Globalization;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Listings;

/// <summary>
/// Reads the <see cref="ListingVersionRecord"/>: one row by its key, a compiled query,
/// far cheaper than the listings it stands for. A database that cannot answer gives no
/// stamp; the listing is then asked of the database too and fails or succeeds as it does.
/// </summary>
internal sealed class DatabaseListingVersion(ChatDbContext db) : IListingVersion
{
    private static readonly Func<ChatDbContext, CancellationToken, Task<long>> Read = EF.CompileAsyncQuery(
        (ChatDbContext context, CancellationToken _) => context.Set<ListingVersionRecord>()
            .Where(v => v.Id == ListingVersionRecord.OnlyId)
            .Select(v => v.Value)
            .First());

    public async ValueTask<string?> Current(CancellationToken cancellationToken)
    {
        try
        {
            return (await Read(db, cancellationToken)).ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }
}
