using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chat.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddRobotEntrance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EntersAt",
                table: "SessionMembers",
                type: "datetimeoffset",
                nullable: true);

            // A robot seated and not yet announced enters at once: it has waited long enough.
            migrationBuilder.Sql("UPDATE [SessionMembers] SET [EntersAt] = [JoinedAt] WHERE [IsRobot] = 1 AND [AnnouncedAt] IS NULL AND [LeftAt] IS NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_SessionMembers_RobotsToEnter",
                table: "SessionMembers",
                column: "EntersAt",
                filter: "\"EntersAt\" IS NOT NULL AND \"AnnouncedAt\" IS NULL AND \"LeftAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SessionMembers_RobotsToEnter",
                table: "SessionMembers");

            migrationBuilder.DropColumn(
                name: "EntersAt",
                table: "SessionMembers");
        }
    }
}
