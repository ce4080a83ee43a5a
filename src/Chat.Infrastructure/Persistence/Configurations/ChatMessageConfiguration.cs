using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat.Infrastructure.Persistence.Configurations;

internal sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> builder)
    {
        builder.ToTable("Messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Sender).HasMaxLength(Username.MaxStoredLength).IsRequired();
        builder.Property(m => m.Text).HasMaxLength(ChatMessage.MaxStoredLength).IsRequired();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<ChatSession>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.SenderId).OnDelete(DeleteBehavior.Restrict);

        builder.Property(m => m.ClientMsgId).HasMaxLength(ChatMessage.MaxClientMsgIdLength);

        // History is read per room by seq: latest page, and "after the last one I saw". A v1
        // page by id reads it too: a room's ids rise with its seqs (History.Bound), so no
        // (SessionId, Id) index is written for every message (ADR-004, eighth revision).
        builder.HasIndex(m => new { m.SessionId, m.Seq }).IsUnique().HasDatabaseName("UX_Messages_Seq");

        // A resend with the same client id stores nothing: the index refuses it inside the batch (ADR-013).
        // Only messages sent with a client id are in it, so a message without one costs no entry
        // (ADR-004). The filter is written once for every provider: SQL Server reads quoted names
        // as PostgreSQL and SQLite do (its filtered indexes need QUOTED_IDENTIFIER on anyway).
        builder.HasIndex(m => new { m.SessionId, m.SenderId, m.ClientMsgId }).IsUnique().HasDatabaseName("UX_Messages_ClientMsgId")
            .HasFilter("\"ClientMsgId\" IS NOT NULL");
    }
}

