using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mend.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseloadCover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseloadCovers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AbsentUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AbsentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CoveringUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoveringName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SetByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SetAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedEarlyAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedEarlyByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseloadCovers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseloadCovers_AspNetUsers_AbsentUserId",
                        column: x => x.AbsentUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseloadCovers_AspNetUsers_CoveringUserId",
                        column: x => x.CoveringUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseloadCovers_AbsentUserId_StartsOn",
                table: "CaseloadCovers",
                columns: new[] { "AbsentUserId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseloadCovers_CoveringUserId_StartsOn_EndsOn",
                table: "CaseloadCovers",
                columns: new[] { "CoveringUserId", "StartsOn", "EndsOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseloadCovers");
        }
    }
}
