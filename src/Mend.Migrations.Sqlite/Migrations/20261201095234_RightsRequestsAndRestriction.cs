using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mend.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RightsRequestsAndRestriction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExceptionReason",
                table: "People",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExceptionUntil",
                table: "People",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RestrictedSince",
                table: "People",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RestrictionReason",
                table: "People",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RightsRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Right = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Regime = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HandledByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HandledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RightsRequests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RightsRequests_PersonId",
                table: "RightsRequests",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RightsRequests");

            migrationBuilder.DropColumn(
                name: "ExceptionReason",
                table: "People");

            migrationBuilder.DropColumn(
                name: "ExceptionUntil",
                table: "People");

            migrationBuilder.DropColumn(
                name: "RestrictedSince",
                table: "People");

            migrationBuilder.DropColumn(
                name: "RestrictionReason",
                table: "People");
        }
    }
}
