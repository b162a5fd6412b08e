using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mend.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class NameWordVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PersonSearchNames_Text",
                table: "PersonSearchNames");

            migrationBuilder.CreateTable(
                name: "NameWords",
                columns: table => new
                {
                    Word = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NameWords", x => x.Word);
                });

            migrationBuilder.CreateTable(
                name: "PersonNameWords",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Word = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
                name: "IX_NameWords_Word_trgm",
                table: "NameWords",
                column: "Word")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonNameWords_Word_PersonId",
                table: "PersonNameWords",
                columns: new[] { "Word", "PersonId" });

            // The words of the names already recorded, and their vocabulary.
            migrationBuilder.Sql("""
                INSERT INTO "PersonNameWords" ("PersonId", "Word")
                SELECT DISTINCT "PersonId", word FROM "PersonSearchNames", unnest(string_to_array("Text", ' ')) AS word
                WHERE word <> '' AND length(word) <= 100;
                INSERT INTO "NameWords" ("Word") SELECT DISTINCT "Word" FROM "PersonNameWords";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NameWords");

            migrationBuilder.DropTable(
                name: "PersonNameWords");

            migrationBuilder.CreateIndex(
                name: "IX_PersonSearchNames_Text",
                table: "PersonSearchNames",
                column: "Text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
