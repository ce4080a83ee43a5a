using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat.Infrastructure.Persistence.Configurations;

internal sealed class ChatSessionConfiguration : IEntityTypeConfiguration<ChatSession>
{
    public void Configure(EntityTypeBuilder<ChatSession> builder)
    {
        builder.ToTable("Sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Room).HasMaxLength(RoomName.MaxStoredLength).IsRequired();
        builder.Property(s => s.NormalizedRoom).HasMaxLength(RoomName.MaxStoredLength).IsRequired();
        builder.HasIndex(s => s.NormalizedRoom).IsUnique().HasDatabaseName("UX_Sessions_Room");
        builder.Property(s => s.Robot).HasMaxLength(ChatSession.MaxRobotLength);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(s => s.State);

        // The seq of the session's last stored message. Not the aggregate's: only the
        // database moves it, in the transaction that stores each message (ADR-013).
        builder.Property<long>(SessionColumns.LastSeq).HasDefaultValue(0L);

        // Every change of the aggregate bumps Version: two racing joins cannot both win.
        builder.Property(s => s.Version).IsConcurrencyToken();

        builder.HasOne<User>().WithMany().HasForeignKey(s => s.HostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Members).WithOne().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Members).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsOne(s => s.Game, GameConfiguration.Configure);
        builder.Navigation(s => s.Game).UsePropertyAccessMode(PropertyAccessMode.Property);

        builder.Ignore(s => s.Players);
        builder.Ignore(s => s.GameVoters);
        builder.Ignore(s => s.HumanPlayerCount);
        builder.Ignore(s => s.Events);
        builder.Ignore(s => s.HostName);
    }
}
