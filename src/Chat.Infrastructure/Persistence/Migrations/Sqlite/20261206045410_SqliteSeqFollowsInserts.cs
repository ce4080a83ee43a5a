using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chat.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SqliteSeqFollowsInserts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite has no UPDATE inside a WITH, so the send path inserts a message at its
            // session's LastSeq + 1 in one statement and this trigger moves the counter in the
            // same transaction (ADR-013). Rows inserted with a seq already counted (notices,
            // numbered by the context) leave it as it is.
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Messages_MoveLastSeq" AFTER INSERT ON "Messages"
                BEGIN
                    UPDATE "Sessions" SET "LastSeq" = NEW."Seq" WHERE "Id" = NEW."SessionId" AND "LastSeq" < NEW."Seq";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "TR_Messages_MoveLastSeq";""");
        }
    }
}
