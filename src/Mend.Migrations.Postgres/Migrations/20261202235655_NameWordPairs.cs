using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mend.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class NameWordPairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The keys and index are made after the table is filled, which is much quicker than keeping them up row by row.
            migrationBuilder.CreateTable(
                name: "PersonNameWordPairs",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Pair = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: false)
                });

            // Each person's pairs of different words, from the words already recorded: the lesser first in code point order,
            // as PersonNameWordPair.Of puts them.
            migrationBuilder.Sql("""
                INSERT INTO "PersonNameWordPairs" ("Pair", "PersonId")
                SELECT a."Word" || ' ' || b."Word", a."PersonId"
                FROM "PersonNameWords" AS a JOIN "PersonNameWords" AS b ON b."PersonId" = a."PersonId" AND a."Word" COLLATE "C" < b."Word" COLLATE "C";
                """);

            migrationBuilder.AddPrimaryKey(
                name: "PK_PersonNameWordPairs",
                table: "PersonNameWordPairs",
                columns: new[] { "Pair", "PersonId" });

            migrationBuilder.AddForeignKey(
                name: "FK_PersonNameWordPairs_People_PersonId",
                table: "PersonNameWordPairs",
                column: "PersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.CreateIndex(
                name: "IX_PersonNameWordPairs_PersonId",
                table: "PersonNameWordPairs",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PersonNameWordPairs");
        }
    }
}
