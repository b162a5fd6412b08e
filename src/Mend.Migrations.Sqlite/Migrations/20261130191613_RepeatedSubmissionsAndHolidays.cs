using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mend.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RepeatedSubmissionsAndHolidays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HolidayListChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Jurisdiction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CheckedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CheckedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HolidayListChecks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProclaimedHolidays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Jurisdiction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AddedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProclaimedHolidays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Submissions",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Completed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Body = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Submissions", x => new { x.UserId, x.Key });
                });

            migrationBuilder.CreateIndex(
                name: "IX_HolidayListChecks_Jurisdiction_Year",
                table: "HolidayListChecks",
                columns: new[] { "Jurisdiction", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProclaimedHolidays_Jurisdiction_Date",
                table: "ProclaimedHolidays",
                columns: new[] { "Jurisdiction", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_CreatedAt",
                table: "Submissions",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HolidayListChecks");

            migrationBuilder.DropTable(
                name: "ProclaimedHolidays");

            migrationBuilder.DropTable(
                name: "Submissions");
        }
    }
}
