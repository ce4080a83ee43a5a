using System.Globalization;

namespace Chat.Infrastructure.Listings;

/// <summary>One process alone: every change commits here, so a counter in memory is exact.</summary>
public sealed class LocalListingVersion : IListingVersion
{
    private long _version;

    public ValueTask<string?> Current(CancellationToken cancellationToken) =>
        ValueTask.FromResult<string?>(Interlocked.Read(ref _version).ToString(CultureInfo.InvariantCulture));

    public ValueTask Advance(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _version);
        return ValueTask.CompletedTask;
    }
}
