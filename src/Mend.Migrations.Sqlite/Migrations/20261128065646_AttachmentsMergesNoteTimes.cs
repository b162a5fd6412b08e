using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mend.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UploadedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurvivorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    MergedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MergedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Moved = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
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
