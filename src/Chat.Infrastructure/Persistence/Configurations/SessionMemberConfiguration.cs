using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat.Infrastructure.Persistence.Configurations;

internal sealed class SessionMemberConfiguration : IEntityTypeConfiguration<SessionMember>
{
    public void Configure(EntityTypeBuilder<SessionMember> builder)
    {
        builder.ToTable("SessionMembers");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Username).HasMaxLength(Username.MaxStoredLength).IsRequired();
        builder.Ignore(m => m.IsPresent);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.SessionId);

        // One session per user, enforced where races cannot slip past it.
        builder.HasIndex(m => m.UserId)
            .IsUnique()
            .HasFilter("\"LeftAt\" IS NULL")
            .HasDatabaseName("UX_SessionMembers_OneSessionPerUser");

        // The due-time sweep looks for robots yet to enter their room: a handful of rows
        // however long the history, so it reads only them.
        builder.HasIndex(m => m.EntersAt)
            .HasFilter("\"EntersAt\" IS NOT NULL AND \"AnnouncedAt\" IS NULL AND \"LeftAt\" IS NULL")
            .HasDatabaseName("IX_SessionMembers_RobotsToEnter");
    }
}
