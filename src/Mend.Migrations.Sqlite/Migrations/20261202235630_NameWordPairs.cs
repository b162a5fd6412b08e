using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mend.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NameWordPairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PersonNameWordPairs",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Pair = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonNameWordPairs", x => new { x.Pair, x.PersonId });
                    table.ForeignKey(
                        name: "FK_PersonNameWordPairs_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PersonNameWordPairs_PersonId",
                table: "PersonNameWordPairs",
                column: "PersonId");

            // Each person's pairs of different words, from the words already recorded: the lesser first in code point order
            // (SQLite's binary collation), as PersonNameWordPair.Of puts them.
            migrationBuilder.Sql("""
                INSERT INTO "PersonNameWordPairs" ("Pair", "PersonId")
                SELECT a."Word" || ' ' || b."Word", a."PersonId"
                FROM "PersonNameWords" AS a JOIN "PersonNameWords" AS b ON b."PersonId" = a."PersonId" AND a."Word" < b."Word";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PersonNameWordPairs");
        }
    }
}
