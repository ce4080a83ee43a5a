using Chat.Infrastructure.Listings;
using Microsoft.AspNetCore.OutputCaching;

namespace Chat.Web.Caching;

/// <summary>
/// Output caching for the lobby listings every client polls. A listing is filed
/// under the <see cref="IListingVersion"/> read before it is built, so once a change
/// commits (and before it is announced) no request finds the older listing again;
/// one built across a change is filed under the older stamp and never served after
/// it. The listings are the same for every caller, so signed-in requests are cached
/// too, but never a response that sets a cookie. With no stamp (the database did
/// not answer) the listing is built from the database, as it would be uncached.
/// </summary>
internal sealed class CurrentListingPolicy : IOutputCachePolicy
{
    public const string Name = "CurrentListing";

    private const string VersionKey = "listing-version";

    /// <summary>A stamp moves on every listed change; this only bounds how long a retired entry takes memory.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = context.HttpContext.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            return;
        }

        var version = context.HttpContext.RequestServices.GetRequiredService<IListingVersion>();
        if (await version.Current(cancellation) is not { } stamp)
        {
            return;
        }

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.VaryByValues[VersionKey] = stamp;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
