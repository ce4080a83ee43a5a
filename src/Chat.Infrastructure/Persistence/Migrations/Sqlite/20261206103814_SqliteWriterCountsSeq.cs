using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chat.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SqliteWriterCountsSeq : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The message writer now numbers a batch's messages itself, inside its write
            // transaction, and moves each session's counter once per batch (ADR-013), so
            // the per-row trigger that moved it goes. Notices were never counted by it.
            migrationBuilder.Sql("""DROP TRIGGER "TR_Messages_MoveLastSeq";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Messages_MoveLastSeq" AFTER INSERT ON "Messages"
                BEGIN
                    UPDATE "Sessions" SET "LastSeq" = NEW."Seq" WHERE "Id" = NEW."SessionId" AND "LastSeq" < NEW."Seq";
                END;
                """);
        }
    }
}
