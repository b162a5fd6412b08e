using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mend.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AttachmentsMergesNoteTimes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Notes written before this column kept the time they were given.
            migrationBuilder.AddColumn<bool>(
                name: "TimeRecorded",
                table: "CaseNotes",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UploadedById = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attachments_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonMerges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurvivorId = table.Column<Guid>(type: "uuid", nullable: false),
                    MergedId = table.Column<Guid>(type: "uuid", nullable: false),
                    MergedName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    MergedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MergedById = table.Column<Guid>(type: "uuid", nullable: false),
                    MergedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Moved = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonMerges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_CaseId_UploadedAt",
                table: "Attachments",
                columns: new[] { "CaseId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonMerges_MergedId",
                table: "PersonMerges",
                column: "MergedId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonMerges_SurvivorId",
                table: "PersonMerges",
                column: "SurvivorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Attachments");

            migrationBuilder.DropTable(
                name: "PersonMerges");

            migrationBuilder.DropColumn(
                name: "TimeRecorded",
                table: "CaseNotes");
        }
    }
}
