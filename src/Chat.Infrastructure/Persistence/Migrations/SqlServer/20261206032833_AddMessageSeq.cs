using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chat.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddMessageSeq : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LastSeq",
                table: "Sessions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnnouncedAt",
                table: "SessionMembers",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClientMsgId",
                table: "Messages",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Seq",
                table: "Messages",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Number the messages stored so far in each session by id, start each counter
            // after them, and count every seat taken so far as announced (ADR-013).
            migrationBuilder.Sql("""
                WITH n AS (SELECT [Seq], ROW_NUMBER() OVER (PARTITION BY [SessionId] ORDER BY [Id]) AS [Number] FROM [Messages]) UPDATE n SET [Seq] = [Number];
                """);
            migrationBuilder.Sql("""
                UPDATE [Sessions] SET [LastSeq] = (SELECT COUNT(*) FROM [Messages] WHERE [Messages].[SessionId] = [Sessions].[Id]);
                """);
            migrationBuilder.Sql("""
                UPDATE [SessionMembers] SET [AnnouncedAt] = [JoinedAt];
                """);

            migrationBuilder.CreateIndex(
                name: "UX_Messages_ClientMsgId",
                table: "Messages",
                columns: new[] { "SessionId", "SenderId", "ClientMsgId" },
                unique: true,
                filter: "[SenderId] IS NOT NULL AND [ClientMsgId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "UX_Messages_Seq",
                table: "Messages",
                columns: new[] { "SessionId", "Seq" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_Messages_ClientMsgId",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "UX_Messages_Seq",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "LastSeq",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "AnnouncedAt",
                table: "SessionMembers");

            migrationBuilder.DropColumn(
                name: "ClientMsgId",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "Seq",
                table: "Messages");
        }
    }
}
