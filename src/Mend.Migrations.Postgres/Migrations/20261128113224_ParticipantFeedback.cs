using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mend.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ParticipantFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ParticipantFeedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RjProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ByParticipant = table.Column<bool>(type: "boolean", nullable: false),
                    Satisfaction = table.Column<int>(type: "integer", nullable: true),
                    FeltSafe = table.Column<bool>(type: "boolean", nullable: true),
                    FeltListenedTo = table.Column<bool>(type: "boolean", nullable: true),
                    WouldRecommend = table.Column<bool>(type: "boolean", nullable: true),
                    CommentsCiphertext = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipantFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipantFeedback_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ParticipantFeedback_RjProcesses_RjProcessId",
                        column: x => x.RjProcessId,
                        principalTable: "RjProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ParticipantFeedback_PersonId",
                table: "ParticipantFeedback",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipantFeedback_RjProcessId",
                table: "ParticipantFeedback",
                column: "RjProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipantFeedback_TokenHash",
                table: "ParticipantFeedback",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ParticipantFeedback");
        }
    }
}
