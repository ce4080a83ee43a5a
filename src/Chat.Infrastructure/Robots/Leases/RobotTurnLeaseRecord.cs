using Chat.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat.Infrastructure.Robots.Leases;

/// <summary>
/// The server holding a session's robot turn, and until when. Times are Unix
/// milliseconds so that every provider compares them in SQL.
/// </summary>
public sealed class RobotTurnLeaseRecord
{
    public int SessionId { get; init; }

    public required string Holder { get; set; }

    public long UntilMs { get; set; }
}

internal sealed class RobotTurnLeaseRecordConfiguration : IEntityTypeConfiguration<RobotTurnLeaseRecord>
{
    public const int MaxHolderLength = 64;

    public void Configure(EntityTypeBuilder<RobotTurnLeaseRecord> builder)
    {
        builder.ToTable("RobotTurnLeases");
        builder.HasKey(l => l.SessionId);
        builder.Property(l => l.SessionId).ValueGeneratedNever();
        builder.Property(l => l.Holder).HasMaxLength(MaxHolderLength);
        builder.HasOne<ChatSession>().WithMany().HasForeignKey(l => l.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
