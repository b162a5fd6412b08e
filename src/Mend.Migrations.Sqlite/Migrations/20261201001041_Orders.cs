using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mend.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Orders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Orders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Jurisdiction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ConvictedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LengthMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OriginalEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExtendedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Court = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AgeYoungest = table.Column<int>(type: "INTEGER", nullable: true),
                    AgeOldest = table.Column<int>(type: "INTEGER", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    EndNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Orders_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnerAgencies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Services = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerAgencies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReparationProjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Supervisor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Safety = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReparationProjects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BreachActions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<long>(type: "INTEGER", nullable: false),
                    Proceed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HeardOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HearingOutcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BreachActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BreachActions_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderContacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActivityId = table.Column<long>(type: "INTEGER", nullable: true),
                    Attendance = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    AbsenceReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FollowedUpAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FollowUpNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderContacts_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderPanels",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ParentAttended = table.Column<bool>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderPanels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderPanels_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderRequirements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 7, scale: 1, nullable: true),
                    DailyHours = table.Column<int>(type: "INTEGER", nullable: true),
                    WeeklyHours = table.Column<int>(type: "INTEGER", nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderRequirements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderRequirements_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderWarnings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<long>(type: "INTEGER", nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderWarnings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderWarnings_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanReviews_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanActivities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PositiveSteps = table.Column<bool>(type: "INTEGER", nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProgressNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProgressOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanActivities_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanActivities_PartnerAgencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "PartnerAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReparationSessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequirementId = table.Column<long>(type: "INTEGER", nullable: true),
                    AgreementItemId = table.Column<long>(type: "INTEGER", nullable: true),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: false),
                    Attendance = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReparationSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReparationSessions_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReparationSessions_ReparationProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "ReparationProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BreachActions_OrderId_ContactId",
                table: "BreachActions",
                columns: new[] { "OrderId", "ContactId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrderContacts_OrderId_At",
                table: "OrderContacts",
                columns: new[] { "OrderId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderPanels_OrderId",
                table: "OrderPanels",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderRequirements_OrderId",
                table: "OrderRequirements",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_CaseId_DecidedOn",
                table: "Orders",
                columns: new[] { "CaseId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderWarnings_OrderId_ContactId",
                table: "OrderWarnings",
                columns: new[] { "OrderId", "ContactId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerAgencies_Name",
                table: "PartnerAgencies",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanActivities_AgencyId",
                table: "PlanActivities",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActivities_OrderId",
                table: "PlanActivities",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanReviews_OrderId",
                table: "PlanReviews",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_ReparationProjects_Name",
                table: "ReparationProjects",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReparationSessions_OrderId_On",
                table: "ReparationSessions",
                columns: new[] { "OrderId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_ReparationSessions_ProjectId",
                table: "ReparationSessions",
                column: "ProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BreachActions");

            migrationBuilder.DropTable(
                name: "OrderContacts");

            migrationBuilder.DropTable(
                name: "OrderPanels");

            migrationBuilder.DropTable(
                name: "OrderRequirements");

            migrationBuilder.DropTable(
                name: "OrderWarnings");

            migrationBuilder.DropTable(
                name: "PlanActivities");

            migrationBuilder.DropTable(
                name: "PlanReviews");

            migrationBuilder.DropTable(
                name: "ReparationSessions");

            migrationBuilder.DropTable(
                name: "PartnerAgencies");

            migrationBuilder.DropTable(
                name: "Orders");

            migrationBuilder.DropTable(
                name: "ReparationProjects");
        }
    }
}
