using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mend.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Panels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChairName",
                table: "RjProcesses",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "MinutesAt",
                table: "RjProcesses",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MinutesByName",
                table: "RjProcesses",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MinutesCiphertext",
                table: "RjProcesses",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PanelId",
                table: "RjProcesses",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Panels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Panels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PanelMembers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PanelId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsChair = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PanelMembers_Panels_PanelId",
                        column: x => x.PanelId,
                        principalTable: "Panels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RjProcesses_PanelId_StartsAt",
                table: "RjProcesses",
                columns: new[] { "PanelId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PanelMembers_PanelId",
                table: "PanelMembers",
                column: "PanelId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelMembers_UserId_PanelId",
                table: "PanelMembers",
                columns: new[] { "UserId", "PanelId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Panels_Name",
                table: "Panels",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_RjProcesses_Panels_PanelId",
                table: "RjProcesses",
                column: "PanelId",
                principalTable: "Panels",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RjProcesses_Panels_PanelId",
                table: "RjProcesses");

            migrationBuilder.DropTable(
                name: "PanelMembers");

            migrationBuilder.DropTable(
                name: "Panels");

            migrationBuilder.DropIndex(
                name: "IX_RjProcesses_PanelId_StartsAt",
                table: "RjProcesses");

            migrationBuilder.DropColumn(
                name: "ChairName",
                table: "RjProcesses");

            migrationBuilder.DropColumn(
                name: "MinutesAt",
                table: "RjProcesses");

            migrationBuilder.DropColumn(
                name: "MinutesByName",
                table: "RjProcesses");

            migrationBuilder.DropColumn(
                name: "MinutesCiphertext",
                table: "RjProcesses");

            migrationBuilder.DropColumn(
                name: "PanelId",
                table: "RjProcesses");
        }
    }
}
