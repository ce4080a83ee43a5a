using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Chat.Infrastructure.Persistence.Providers;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteChatDbContext>
{
    public SqliteChatDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteChatDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerChatDbContext>
{
    public SqlServerChatDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerChatDbContext>().UseSqlServer("Server=design;Database=Chat").Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlChatDbContext>
{
    public PostgreSqlChatDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlChatDbContext>().UseNpgsql("Host=design;Database=chat").Options);
}
