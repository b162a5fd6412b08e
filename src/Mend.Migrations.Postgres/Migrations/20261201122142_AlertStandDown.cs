using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mend.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AlertStandDown : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VisitAlertLog_AlertId",
                table: "VisitAlertLog");

            migrationBuilder.AddColumn<DateTime>(
                name: "StoodDownAt",
                table: "VisitAlerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RecipientId",
                table: "VisitAlertLog",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitAlertLog_AlertId_Event",
                table: "VisitAlertLog",
                columns: new[] { "AlertId", "Event" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VisitAlertLog_AlertId_Event",
                table: "VisitAlertLog");

            migrationBuilder.DropColumn(
                name: "StoodDownAt",
                table: "VisitAlerts");

            migrationBuilder.DropColumn(
                name: "RecipientId",
                table: "VisitAlertLog");

            migrationBuilder.CreateIndex(
                name: "IX_VisitAlertLog_AlertId",
                table: "VisitAlertLog",
                column: "AlertId");
        }
    }
}
