using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mend.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PartnerDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PartnerAgencyId",
                table: "SharingAgreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "PartnerAgencies",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sector",
                table: "PartnerAgencies",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PartnerContacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnerAgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerContacts_PartnerAgencies_PartnerAgencyId",
                        column: x => x.PartnerAgencyId,
                        principalTable: "PartnerAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SharingAgreements_PartnerAgencyId",
                table: "SharingAgreements",
                column: "PartnerAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerContacts_PartnerAgencyId",
                table: "PartnerContacts",
                column: "PartnerAgencyId");

            migrationBuilder.AddForeignKey(
                name: "FK_SharingAgreements_PartnerAgencies_PartnerAgencyId",
                table: "SharingAgreements",
                column: "PartnerAgencyId",
                principalTable: "PartnerAgencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SharingAgreements_PartnerAgencies_PartnerAgencyId",
                table: "SharingAgreements");

            migrationBuilder.DropTable(
                name: "PartnerContacts");

            migrationBuilder.DropIndex(
                name: "IX_SharingAgreements_PartnerAgencyId",
                table: "SharingAgreements");

            migrationBuilder.DropColumn(
                name: "PartnerAgencyId",
                table: "SharingAgreements");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "PartnerAgencies");

            migrationBuilder.DropColumn(
                name: "Sector",
                table: "PartnerAgencies");
        }
    }
}
