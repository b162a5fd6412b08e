using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mend.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Processes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RjProcesses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FacilitatorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FacilitatorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CoFacilitatorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CoFacilitatorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    VenueId = table.Column<int>(type: "INTEGER", nullable: true),
                    RoomId = table.Column<int>(type: "INTEGER", nullable: true),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SafetyPlanCiphertext = table.Column<string>(type: "TEXT", nullable: true),
                    RecordCiphertext = table.Column<string>(type: "TEXT", nullable: true),
                    FollowUpPlan = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OutcomeReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ConcludedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RjProcesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RjProcesses_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RjProcesses_Venues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "Venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgreementItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RjProcessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Who = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SettledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementItems_RjProcesses_RjProcessId",
                        column: x => x.RjProcessId,
                        principalTable: "RjProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PreparationSessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RjProcessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NoteCiphertext = table.Column<string>(type: "TEXT", nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreparationSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PreparationSessions_RjProcesses_RjProcessId",
                        column: x => x.RjProcessId,
                        principalTable: "RjProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProcessParticipants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RjProcessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ArriveAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeaveAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: true),
                    Spoke = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcessParticipants_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProcessParticipants_RjProcesses_RjProcessId",
                        column: x => x.RjProcessId,
                        principalTable: "RjProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementItems_RjProcessId",
                table: "AgreementItems",
                column: "RjProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementItems_Status_DueOn",
                table: "AgreementItems",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PreparationSessions_RjProcessId",
                table: "PreparationSessions",
                column: "RjProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessParticipants_PersonId",
                table: "ProcessParticipants",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessParticipants_RjProcessId",
                table: "ProcessParticipants",
                column: "RjProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_RjProcesses_CaseId",
                table: "RjProcesses",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_RjProcesses_Status_StartsAt",
                table: "RjProcesses",
                columns: new[] { "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RjProcesses_VenueId",
                table: "RjProcesses",
                column: "VenueId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementItems");

            migrationBuilder.DropTable(
                name: "PreparationSessions");

            migrationBuilder.DropTable(
                name: "ProcessParticipants");

            migrationBuilder.DropTable(
                name: "RjProcesses");
        }
    }
}
