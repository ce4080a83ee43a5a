using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Persistence.Providers;

// One context type per provider, so that each keeps its own migration set in
// Persistence/Migrations/<Provider> and `dotnet ef` can tell them apart.

public sealed class SqliteChatDbContext(DbContextOptions<SqliteChatDbContext> options) : ChatDbContext(options);

public sealed class SqlServerChatDbContext(DbContextOptions<SqlServerChatDbContext> options) : ChatDbContext(options);

public sealed class PostgreSqlChatDbContext(DbContextOptions<PostgreSqlChatDbContext> options) : ChatDbContext(options);
