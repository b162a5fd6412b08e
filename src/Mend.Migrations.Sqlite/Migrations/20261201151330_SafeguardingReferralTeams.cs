using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mend.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SafeguardingReferralTeams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "TeamId",
                table: "SafeguardingReferrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SafeguardingReferrals_TeamId",
                table: "SafeguardingReferrals",
                column: "TeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SafeguardingReferrals_TeamId",
                table: "SafeguardingReferrals");

            migrationBuilder.DropColumn(
                name: "TeamId",
                table: "SafeguardingReferrals");
        }
    }
}
