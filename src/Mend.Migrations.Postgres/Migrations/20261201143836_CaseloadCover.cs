using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mend.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseloadCover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseloadCovers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AbsentUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    AbsentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CoveringUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CoveringName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SetByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SetAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedEarlyAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndedEarlyByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseloadCovers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseloadCovers_AspNetUsers_AbsentUserId",
                        column: x => x.AbsentUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseloadCovers_AspNetUsers_CoveringUserId",
                        column: x => x.CoveringUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseloadCovers_AbsentUserId_StartsOn",
                table: "CaseloadCovers",
                columns: new[] { "AbsentUserId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseloadCovers_CoveringUserId_StartsOn_EndsOn",
                table: "CaseloadCovers",
                columns: new[] { "CoveringUserId", "StartsOn", "EndsOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseloadCovers");
        }
    }
}
