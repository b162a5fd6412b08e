using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mend.Migrations.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ThroughSealId = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Before = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EntriesRemoved = table.Column<long>(type: "bigint", nullable: false),
                    DisposalId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
            // retention schedule); checkpoints themselves are append-only. Operators grant DELETE on the audit tables
            // and INSERT on the checkpoints to the application role (docs/operators-guide.md).
            migrationBuilder.Sql("""
                CREATE FUNCTION mend_allow_audit_prune_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_TABLE_NAME = 'AuditSeals' AND OLD."Id" <= (SELECT COALESCE(MAX(c."ThroughSealId"), 0) FROM "AuditCheckpoints" c) THEN
                        RETURN OLD;
                    END IF;
                    IF TG_TABLE_NAME = 'AuditEvents' AND EXISTS (SELECT 1 FROM "AuditSeals" s WHERE s."AuditEventId" = OLD."Id"
                        AND s."Id" <= (SELECT COALESCE(MAX(c."ThroughSealId"), 0) FROM "AuditCheckpoints" c)) THEN
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION 'audit rows are append-only (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
                END $$;
                """);
            migrationBuilder.Sql("DROP TRIGGER \"AuditEvents_no_delete\" ON \"AuditEvents\";");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditEvents_no_delete\" BEFORE DELETE ON \"AuditEvents\" FOR EACH ROW EXECUTE FUNCTION mend_allow_audit_prune_only();");
            migrationBuilder.Sql("DROP TRIGGER \"AuditSeals_append_only\" ON \"AuditSeals\";");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditSeals_no_update\" BEFORE UPDATE ON \"AuditSeals\" FOR EACH ROW EXECUTE FUNCTION mend_refuse_audit_change();");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditSeals_no_delete\" BEFORE DELETE ON \"AuditSeals\" FOR EACH ROW EXECUTE FUNCTION mend_allow_audit_prune_only();");
            // A checkpoint must name the last seal removed with its real hash, move the start forward, belong to an
            // audit-trail disposal under way, and cover only entries recorded before its cut-off.
            migrationBuilder.Sql("""
                CREATE FUNCTION mend_check_audit_checkpoint() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE kept bigint := (SELECT COALESCE(MAX(c."ThroughSealId"), 0) FROM "AuditCheckpoints" c);
                BEGIN
                    IF EXISTS (SELECT 1 FROM "AuditSeals" s WHERE s."Id" = NEW."ThroughSealId" AND s."Hash" = NEW."Hash")
                        AND NEW."ThroughSealId" > kept
                        AND EXISTS (SELECT 1 FROM "Disposals" d WHERE d."Id" = NEW."DisposalId" AND d."RecordType" = 'AuditTrail' AND d."Status" IN ('Reviewed', 'Disposed'))
                        AND NOT EXISTS (SELECT 1 FROM "AuditSeals" s JOIN "AuditEvents" e ON e."Id" = s."AuditEventId"
                            WHERE s."Id" <= NEW."ThroughSealId" AND s."Id" > kept AND e."OccurredAt" >= NEW."Before") THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'an audit checkpoint must follow a real seal of entries due for disposal' USING ERRCODE = 'insufficient_privilege';
                END $$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER \"AuditCheckpoints_valid\" BEFORE INSERT ON \"AuditCheckpoints\" FOR EACH ROW EXECUTE FUNCTION mend_check_audit_checkpoint();");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditCheckpoints_append_only\" BEFORE UPDATE OR DELETE ON \"AuditCheckpoints\" FOR EACH ROW EXECUTE FUNCTION mend_refuse_audit_change();");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditCheckpoints_no_truncate\" BEFORE TRUNCATE ON \"AuditCheckpoints\" FOR EACH STATEMENT EXECUTE FUNCTION mend_refuse_audit_change();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"AuditCheckpoints_valid\" ON \"AuditCheckpoints\";");
            migrationBuilder.Sql("DROP FUNCTION mend_check_audit_checkpoint();");
            migrationBuilder.Sql("DROP TRIGGER \"AuditCheckpoints_append_only\" ON \"AuditCheckpoints\";");
            migrationBuilder.Sql("DROP TRIGGER \"AuditCheckpoints_no_truncate\" ON \"AuditCheckpoints\";");
            migrationBuilder.Sql("DROP TRIGGER \"AuditSeals_no_delete\" ON \"AuditSeals\";");
            migrationBuilder.Sql("DROP TRIGGER \"AuditSeals_no_update\" ON \"AuditSeals\";");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditSeals_append_only\" BEFORE UPDATE OR DELETE ON \"AuditSeals\" FOR EACH ROW EXECUTE FUNCTION mend_refuse_audit_change();");
            migrationBuilder.Sql("DROP TRIGGER \"AuditEvents_no_delete\" ON \"AuditEvents\";");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditEvents_no_delete\" BEFORE DELETE ON \"AuditEvents\" FOR EACH ROW EXECUTE FUNCTION mend_refuse_audit_change();");
            migrationBuilder.Sql("DROP FUNCTION mend_allow_audit_prune_only();");
            migrationBuilder.DropTable(
                name: "AuditCheckpoints");
        }
    }
}
