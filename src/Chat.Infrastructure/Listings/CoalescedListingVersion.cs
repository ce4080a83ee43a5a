using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Listings;

/// <summary>
/// Shares the version's reads between the lobby requests of a node that ask at once: a
/// caller is given the result of a read that <em>starts after it asked</em>, never of one
/// already under way (that one may have begun before a change the caller has heard of
/// committed). While a read runs, everyone who asks waits for the next one, which starts
/// as soon as it ends; so a node makes at most one read at a time, and each caller waits
/// for at most two. The reads themselves are those of the <see cref="Source"/> service,
/// the database's row, so every node, and every process over one database, stays current
/// (ADR-019).
/// </summary>
internal sealed class CoalescedListingVersion(IServiceScopeFactory scopes) : IListingVersion
{
    /// <summary>The key the reader of the version itself is registered under.</summary>
    public const string Source = "listing-version-source";

    private readonly Lock _gate = new();

    /// <summary>The read under way, if any: it may have started before a caller who asks now.</summary>
    private TaskCompletionSource<string?>? _reading;

    /// <summary>The read to start when <see cref="_reading"/> ends: everyone who asks before then shares it.</summary>
    private TaskCompletionSource<string?>? _next;

    public ValueTask<string?> Current(CancellationToken cancellationToken)
    {
        TaskCompletionSource<string?> read;
        lock (_gate)
        {
            if (_next is { } waiting)
            {
                return new ValueTask<string?>(waiting.Task.WaitAsync(cancellationToken));
            }

            read = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_reading is not null)
            {
                _next = read;
                return new ValueTask<string?>(read.Task.WaitAsync(cancellationToken));
            }

            _reading = read;
        }

        _ = ReadFrom(read);
        return new ValueTask<string?>(read.Task.WaitAsync(cancellationToken));
    }

    /// <summary>Reads for <paramref name="read"/>'s callers, then for those who asked meanwhile, until no one waits.</summary>
    private async Task ReadFrom(TaskCompletionSource<string?> read)
    {
        for (TaskCompletionSource<string?>? current = read; current is not null;)
        {
            current.TrySetResult(await ReadOnce());
            lock (_gate)
            {
                // The next read starts now, after every one of its callers asked.
                current = _next;
                _next = null;
                _reading = current;
            }
        }
    }

    /// <summary>
    /// One read in a scope of its own, for all its callers at once, so no caller's
    /// cancellation ends it. A read that fails gives no stamp: its callers build the
    /// listing from the database, as they would uncached.
    /// </summary>
    private async Task<string?> ReadOnce()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredKeyedService<IListingVersion>(Source).Current(CancellationToken.None);
        }
        catch (Exception)
        {
            return null;
        }
    }
}
