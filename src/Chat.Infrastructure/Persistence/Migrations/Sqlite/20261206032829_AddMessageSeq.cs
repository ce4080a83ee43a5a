using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chat.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnnouncedAt",
                table: "SessionMembers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClientMsgId",
                table: "Messages",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Seq",
                table: "Messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Number the messages stored so far in each session by id, start each counter
            // after them, and count every seat taken so far as announced (ADR-013).
            migrationBuilder.Sql("""
                UPDATE "Messages" SET "Seq" = n."Seq" FROM (SELECT "Id", ROW_NUMBER() OVER (PARTITION BY "SessionId" ORDER BY "Id") AS "Seq" FROM "Messages") AS n WHERE "Messages"."Id" = n."Id";
                """);
            migrationBuilder.Sql("""
                UPDATE "Sessions" SET "LastSeq" = (SELECT COUNT(*) FROM "Messages" WHERE "Messages"."SessionId" = "Sessions"."Id");
                """);
            migrationBuilder.Sql("""
                UPDATE "SessionMembers" SET "AnnouncedAt" = "JoinedAt";
                """);

            migrationBuilder.CreateIndex(
                name: "UX_Messages_ClientMsgId",
                table: "Messages",
                columns: new[] { "SessionId", "SenderId", "ClientMsgId" },
                unique: true);

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
