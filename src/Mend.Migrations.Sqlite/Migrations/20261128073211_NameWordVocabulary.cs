using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mend.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NameWordVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NameWords",
                columns: table => new
                {
                    Word = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NameWords", x => x.Word);
                });

            migrationBuilder.CreateTable(
                name: "PersonNameWords",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Word = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonNameWords", x => new { x.PersonId, x.Word });
                    table.ForeignKey(
                        name: "FK_PersonNameWords_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PersonNameWords_Word_PersonId",
                table: "PersonNameWords",
                columns: new[] { "Word", "PersonId" });

            // The words of the names already recorded, and their vocabulary.
            migrationBuilder.Sql("""
                WITH RECURSIVE split("PersonId", word, rest) AS (
                    SELECT "PersonId", '', "Text" || ' ' FROM "PersonSearchNames"
                    UNION ALL
                    SELECT "PersonId", substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1) FROM split WHERE rest <> ''
                )
                INSERT OR IGNORE INTO "PersonNameWords" ("PersonId", "Word")
                SELECT DISTINCT "PersonId", word FROM split WHERE word <> '' AND length(word) <= 100;
                INSERT OR IGNORE INTO "NameWords" ("Word") SELECT DISTINCT "Word" FROM "PersonNameWords";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NameWords");

            migrationBuilder.DropTable(
                name: "PersonNameWords");
        }
    }
}
