using Chat.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("Users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Username).HasMaxLength(Username.MaxStoredLength).IsRequired();
        builder.Property(u => u.NormalizedUsername).HasMaxLength(Username.MaxStoredLength).IsRequired();
        builder.Ignore(u => u.IsSignedIn);

        // A name is unique among signed-in users only: logging out frees it, and the
        // old row stays as the author of what it wrote.
        builder.HasIndex(u => u.NormalizedUsername)
            .IsUnique()
            .HasFilter("\"SignedOutAt\" IS NULL")
            .HasDatabaseName("UX_Users_SignedInName");
    }
}
