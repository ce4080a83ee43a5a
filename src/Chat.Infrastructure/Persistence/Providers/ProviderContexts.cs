using Chat.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Chat.Infrastructure.Persistence.Providers;

// One context type per provider, so that each keeps its own migration set in
// Persistence/Migrations/<Provider> and `dotnet ef` can tell them apart.

public sealed class SqliteChatDbContext(DbContextOptions<SqliteChatDbContext> options) : ChatDbContext(options)
{
    /// <summary>
    /// Message ids without <c>AUTOINCREMENT</c>: SQLite then gives each new row the largest
    /// id plus one, and no longer updates a counter row (<c>sqlite_sequence</c>) on every
    /// insert. That counter only keeps the ids of deleted newest rows from being given
    /// again, and messages are never deleted (ADR-004, ninth revision).
    /// </summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<ChatMessage>().Property(m => m.Id).Metadata.SetValueGenerationStrategy(SqliteValueGenerationStrategy.None);
    }
}

public sealed class SqlServerChatDbContext(DbContextOptions<SqlServerChatDbContext> options) : ChatDbContext(options);

public sealed class PostgreSqlChatDbContext(DbContextOptions<PostgreSqlChatDbContext> options) : ChatDbContext(options);
