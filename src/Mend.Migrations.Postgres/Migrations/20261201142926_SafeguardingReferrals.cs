using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mend.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SafeguardingReferrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SafeguardingReferrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    MadeOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Agency = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AgencyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReasonCiphertext = table.Column<string>(type: "text", nullable: false),
                    ReferredById = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferredByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FollowUpOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TimesChased = table.Column<int>(type: "integer", nullable: false),
                    Response = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    RespondedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ResponseCiphertext = table.Column<string>(type: "text", nullable: true),
                    ResponseRecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafeguardingReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SafeguardingReferrals_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SafeguardingReferrals_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SafeguardingReferrals_CaseId",
                table: "SafeguardingReferrals",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_SafeguardingReferrals_ClosedAt_FollowUpOn",
                table: "SafeguardingReferrals",
                columns: new[] { "ClosedAt", "FollowUpOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SafeguardingReferrals_PersonId_MadeOn",
                table: "SafeguardingReferrals",
                columns: new[] { "PersonId", "MadeOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SafeguardingReferrals");
        }
    }
}
