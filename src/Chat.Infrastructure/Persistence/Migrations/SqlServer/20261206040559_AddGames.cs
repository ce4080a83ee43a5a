using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chat.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddGames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Games",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "int", nullable: false),
                    Phase = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ChatLength = table.Column<TimeSpan>(type: "time", nullable: false),
                    VoteLength = table.Column<TimeSpan>(type: "time", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    EndsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RobotVotesAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Robot = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    RobotCaught = table.Column<bool>(type: "bit", nullable: false),
                    VotersAtEnd = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Games", x => x.SessionId);
                    table.ForeignKey(
                        name: "FK_Games_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GameVotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    VoterId = table.Column<int>(type: "int", nullable: false),
                    Voter = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    ByRobot = table.Column<bool>(type: "bit", nullable: false),
                    SuspectId = table.Column<int>(type: "int", nullable: false),
                    Suspect = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    NamesRobot = table.Column<bool>(type: "bit", nullable: false),
                    CastAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SessionId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GameVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GameVotes_Games_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Games",
                        principalColumn: "SessionId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Games_Phase",
                table: "Games",
                column: "Phase");

            migrationBuilder.CreateIndex(
                name: "UX_GameVotes_OneVotePerVoter",
                table: "GameVotes",
                columns: new[] { "SessionId", "VoterId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GameVotes");

            migrationBuilder.DropTable(
                name: "Games");
        }
    }
}
