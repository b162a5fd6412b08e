using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mend.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LoneWorking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DutyShifts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SetByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyShifts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DutyShifts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    VenueId = table.Column<int>(type: "integer", nullable: true),
                    Purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WorkerId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SecondWorkerId = table.Column<Guid>(type: "uuid", nullable: true),
                    SecondWorkerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    BuddyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BuddyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Travel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpectedEndAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CheckedInAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CheckedOutAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Duress = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visits_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ExpectedEndAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Step = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StepState = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StepAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Ending = table.Column<string>(type: "character varying(750)", maxLength: 750, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitAlerts_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitAlertLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AlertId = table.Column<long>(type: "bigint", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Event = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Step = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitAlertLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitAlertLog_VisitAlerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "VisitAlerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DutyShifts_StartsAt_EndsAt",
                table: "DutyShifts",
                columns: new[] { "StartsAt", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DutyShifts_UserId",
                table: "DutyShifts",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitAlertLog_AlertId",
                table: "VisitAlertLog",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitAlertLog_VisitId",
                table: "VisitAlertLog",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitAlerts_EndedAt",
                table: "VisitAlerts",
                column: "EndedAt");

            migrationBuilder.CreateIndex(
                name: "IX_VisitAlerts_VisitId_Kind_ExpectedEndAt",
                table: "VisitAlerts",
                columns: new[] { "VisitId", "Kind", "ExpectedEndAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Visits_CaseId",
                table: "Visits",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_Status_ExpectedEndAt",
                table: "Visits",
                columns: new[] { "Status", "ExpectedEndAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_WorkerId_StartsAt",
                table: "Visits",
                columns: new[] { "WorkerId", "StartsAt" });
            // The alert log is append-only (issue 19): rows are written once; a case's disposal deletes them with it.
            migrationBuilder.Sql("""
                CREATE FUNCTION mend_refuse_alert_log_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the alert log is append-only'; END; $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "VisitAlertLog_no_update" BEFORE UPDATE ON "VisitAlertLog" FOR EACH ROW EXECUTE FUNCTION mend_refuse_alert_log_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "VisitAlertLog_no_update" ON "VisitAlertLog";""");
            migrationBuilder.Sql("""DROP FUNCTION mend_refuse_alert_log_change();""");
            migrationBuilder.DropTable(
                name: "DutyShifts");

            migrationBuilder.DropTable(
                name: "VisitAlertLog");

            migrationBuilder.DropTable(
                name: "VisitAlerts");

            migrationBuilder.DropTable(
                name: "Visits");
        }
    }
}
