using Chat.Application.Messages.GetMessages;
using Chat.Application.Sessions.TakeSeat;
using Chat.Application.Users.ListUsers;
using Chat.Infrastructure.Messaging;
using Chat.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Tests.Persistence.SqlServer;

/// <summary>
/// SQL Server cannot run here, so its side is checked without a server: the model
/// is built with the SQL Server provider (no connection is ever opened), compared
/// with its migrations, and the queries that matter are translated to T-SQL.
/// </summary>
public sealed class SqlServerQueryTests
{
    private const int Limit = 50;

    [Fact]
    public void Model_HasNoChangeMissingFromTheSqlServerMigrations()
    {
        using var db = NewContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no SQL Server migration holds.");
    }

    [Fact]
    public void HistoryPage_WithoutIds_TakesTheNewestOfTheRoomBySeq()
    {
        using var db = NewContext();

        var sql = History.Page(db.Messages.Where(m => m.SessionId == 7), default, Limit).ToQueryString();

        Assert.Contains("SELECT TOP(@", sql, StringComparison.Ordinal);
        Assert.Contains("WHERE [m].[SessionId] = 7", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [m].[Seq] DESC", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void HistoryPage_AfterAnIdOfTheRoom_TakesTheOldestAfterItsSeq()
    {
        using var db = NewContext();

        var sql = History.Page(db.Messages.Where(m => m.SessionId == 7), new IdBounds(new IdBound(40, Seq: 12), null), Limit).ToQueryString();

        Assert.Contains("[m].[Seq] > ", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("[m].[Id] >", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [m].[Seq]", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("DESC", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void HistoryPage_BetweenAnIdOfTheRoomAndAnotherId_BoundsOneBySeqAndOneById()
    {
        using var db = NewContext();

        var sql = History.Page(db.Messages.Where(m => m.SessionId == 7), new IdBounds(new IdBound(40, Seq: 12), new IdBound(90, Seq: null)), Limit).ToQueryString();

        Assert.Contains("[m].[Seq] > ", sql, StringComparison.Ordinal);
        Assert.Contains("[m].[Id] < ", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void UserListing_IsOneQueryWithTheOpenSeatAsASubquery()
    {
        using var db = NewContext();

        var sql = ListUsersHandler.Rows(db).ToQueryString();

        Assert.Contains("WHERE [u].[SignedOutAt] IS NULL", sql, StringComparison.Ordinal);
        Assert.Contains("SELECT TOP(1) [s].[SessionId]", sql, StringComparison.Ordinal);
        Assert.Contains("[s].[LeftAt] IS NULL", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [u].[NormalizedUsername], [u].[Id]", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenSessionPick_CountsPresentHumansInTheDatabase()
    {
        using var db = NewContext();

        var sql = TakeSeatHandler.OpenSessionIds(db.Sessions).ToQueryString();

        Assert.Contains("[s].[State] = N'Pending'", sql, StringComparison.Ordinal);
        Assert.Contains("SELECT COUNT(*)", sql, StringComparison.Ordinal);
        Assert.Contains("< [s].[MaxPlayersAllowed]", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void MessagePost_MovesTheSeatedSessionsCounter_AndInsertsAtItUnlessResent_InOneBatchWithoutReturning()
    {
        using var db = NewContext();

        var statements = MessageStatements.For(db);
        var sql = statements.PostSql;

        Assert.Contains("UPDATE [Sessions] SET [LastSeq] = [Sessions].[LastSeq] + 1 OUTPUT INSERTED.[Id], INSERTED.[LastSeq] INTO @s", sql, StringComparison.Ordinal);
        Assert.Contains("[Sessions].[NormalizedRoom] = @room AND [Sessions].[State] <> @ended AND EXISTS", sql, StringComparison.Ordinal);
        Assert.Contains("m.[UserId] = @SenderId AND m.[LeftAt] IS NULL", sql, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO [Messages] ([SessionId], [Seq], [SenderId], [Sender], [Text], [Timestamp], [Kind], [ClientMsgId]) OUTPUT INSERTED.[Id] INTO @i", sql, StringComparison.Ordinal);
        Assert.Contains("@ClientMsgId IS NULL OR NOT EXISTS", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("RETURNING", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("ON CONFLICT", sql, StringComparison.Ordinal);
        Assert.False(statements.CountsSeq);
    }

    private static SqlServerChatDbContext NewContext() => new(
        new DbContextOptionsBuilder<SqlServerChatDbContext>().UseSqlServer("Server=unused;Database=Chat").Options);
}
