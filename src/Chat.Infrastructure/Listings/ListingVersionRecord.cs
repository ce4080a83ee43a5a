using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat.Infrastructure.Listings;

/// <summary>
/// The one row counting committed changes to what the lobby lists. Moved inside the
/// transaction that makes such a change, so every node reads the same count, with or
/// without Redis.
/// </summary>
public sealed class ListingVersionRecord
{
    /// <summary>The key of the one row.</summary>
    public const int OnlyId = 1;

    public int Id { get; init; }

    public long Value { get; set; }
}

internal sealed class ListingVersionRecordConfiguration : IEntityTypeConfiguration<ListingVersionRecord>
{
    public void Configure(EntityTypeBuilder<ListingVersionRecord> builder)
    {
        builder.ToTable("ListingVersion");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new ListingVersionRecord { Id = ListingVersionRecord.OnlyId, Value = 0 });
    }
}
