using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chat.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PartialClientMsgIdIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_Messages_ClientMsgId",
                table: "Messages");

            migrationBuilder.CreateIndex(
                name: "UX_Messages_ClientMsgId",
                table: "Messages",
                columns: new[] { "SessionId", "SenderId", "ClientMsgId" },
                unique: true,
                filter: "\"ClientMsgId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_Messages_ClientMsgId",
                table: "Messages");

            migrationBuilder.CreateIndex(
                name: "UX_Messages_ClientMsgId",
                table: "Messages",
                columns: new[] { "SessionId", "SenderId", "ClientMsgId" },
                unique: true);
        }
    }
}
