using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mend.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditCheckpoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditCheckpoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ThroughSealId = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Before = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EntriesRemoved = table.Column<long>(type: "INTEGER", nullable: false),
                    DisposalId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditCheckpoints", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditCheckpoints_ThroughSealId",
                table: "AuditCheckpoints",
                column: "ThroughSealId",
                unique: true);

            // Audit rows may be deleted only when a checkpoint covers them (the oldest entries, disposed of under the
            // retention schedule); checkpoints themselves are append-only.
            migrationBuilder.Sql("DROP TRIGGER \"AuditEvents_no_delete\";");
            migrationBuilder.Sql("DROP TRIGGER \"AuditSeals_no_delete\";");
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_no_delete" BEFORE DELETE ON "AuditEvents"
                WHEN NOT EXISTS (SELECT 1 FROM "AuditSeals" s WHERE s."AuditEventId" = OLD."Id" AND s."Id" <= (SELECT COALESCE(MAX(c."ThroughSealId"), 0) FROM "AuditCheckpoints" c))
                BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditSeals_no_delete" BEFORE DELETE ON "AuditSeals"
                WHEN NOT (OLD."Id" <= (SELECT COALESCE(MAX(c."ThroughSealId"), 0) FROM "AuditCheckpoints" c))
                BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
                """);
            // A checkpoint must name the last seal removed with its real hash, move the start forward, belong to an
            // audit-trail disposal under way, and cover only entries recorded before its cut-off.
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditCheckpoints_valid" BEFORE INSERT ON "AuditCheckpoints"
                WHEN NOT (
                    EXISTS (SELECT 1 FROM "AuditSeals" s WHERE s."Id" = NEW."ThroughSealId" AND s."Hash" = NEW."Hash")
                    AND NEW."ThroughSealId" > (SELECT COALESCE(MAX(c."ThroughSealId"), 0) FROM "AuditCheckpoints" c)
                    AND EXISTS (SELECT 1 FROM "Disposals" d WHERE d."Id" = NEW."DisposalId" AND d."RecordType" = 'AuditTrail' AND d."Status" IN ('Reviewed', 'Disposed'))
                    AND NOT EXISTS (SELECT 1 FROM "AuditSeals" s JOIN "AuditEvents" e ON e."Id" = s."AuditEventId"
                        WHERE s."Id" <= NEW."ThroughSealId" AND s."Id" > (SELECT COALESCE(MAX(c."ThroughSealId"), 0) FROM "AuditCheckpoints" c) AND e."OccurredAt" >= NEW."Before"))
                BEGIN SELECT RAISE(ABORT, 'an audit checkpoint must follow a real seal of entries due for disposal'); END;
                """);
            migrationBuilder.Sql("CREATE TRIGGER \"AuditCheckpoints_no_update\" BEFORE UPDATE ON \"AuditCheckpoints\" BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditCheckpoints_no_delete\" BEFORE DELETE ON \"AuditCheckpoints\" BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"AuditEvents_no_delete\";");
            migrationBuilder.Sql("DROP TRIGGER \"AuditSeals_no_delete\";");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditEvents_no_delete\" BEFORE DELETE ON \"AuditEvents\" BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditSeals_no_delete\" BEFORE DELETE ON \"AuditSeals\" BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;");
            migrationBuilder.DropTable(
                name: "AuditCheckpoints");
        }
    }
}
