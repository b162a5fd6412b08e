using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Mend.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RetentionRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RetentionRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Years = table.Column<int>(type: "integer", nullable: false),
                    Months = table.Column<int>(type: "integer", nullable: false),
                    UntilAge = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IsExample = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRules", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "RetentionRules",
                columns: new[] { "Id", "ChangedAt", "ChangedByName", "IsExample", "Kind", "Months", "Reason", "Trigger", "UntilAge", "Version", "Years" },
                values: new object[,]
                {
                    { 1, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Mend (example to adapt)", true, "YoungPersonCase", 0, "Example to adapt: long enough for the young person to ask what was held about them as an adult, and for any later review of the work.", "CaseClosed", 25, 0, 6 },
                    { 2, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Mend (example to adapt)", true, "VictimRecord", 0, "Example to adapt: kept with the case it belongs to. A victim who declines the service has their record reduced after 30 days (Victims' Code work).", "CaseClosed", null, 0, 6 },
                    { 3, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Mend (example to adapt)", true, "PersonWithNoOpenPart", 0, "Example to adapt: a person's details are kept while any case they are on is kept.", "LastPartEnded", null, 0, 6 },
                    { 4, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Mend (example to adapt)", true, "Assessment", 0, "Example to adapt: assessments are part of the young person's case.", "CaseClosed", 25, 0, 6 },
                    { 5, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Mend (example to adapt)", true, "DocumentOrFile", 0, "Example to adapt: letters, reports and files are part of the case they were made for.", "CaseClosed", 25, 0, 6 },
                    { 6, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Mend (example to adapt)", true, "AuditTrail", 0, "Example to adapt: long enough to answer questions about who saw or changed a record for as long as the records are kept.", "Recorded", null, 0, 7 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_RetentionRules_Kind",
                table: "RetentionRules",
                column: "Kind",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RetentionRules");
        }
    }
}
