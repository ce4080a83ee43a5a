namespace Chat.Infrastructure.Listings;

/// <summary>
/// A stamp that changes whenever a change to what the lobby listings show (users,
/// sessions, their players and games) commits. A listing cached under one stamp is
/// served only while the stamp is current, so no client polls a listing older than a
/// change it has already been told about.
/// </summary>
public interface IListingVersion
{
    /// <summary>The current stamp, or null when it cannot be read (then nothing may be served from a cache).</summary>
    ValueTask<string?> Current(CancellationToken cancellationToken);
}
