using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mend.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RetentionDisposal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LastPartEndedOn",
                table: "People",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ErasedByDisposalId",
                table: "AuditEvents",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextDigest",
                table: "AuditEvents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextSalt",
                table: "AuditEvents",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Disposals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RecordType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    RuleId = table.Column<int>(type: "integer", nullable: false),
                    RuleWording = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TriggerOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ListedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ApprovedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DisposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Erased = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LegalHolds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PlacedById = table.Column<Guid>(type: "uuid", nullable: false),
                    PlacedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PlacedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LiftedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LiftedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LiftReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalHolds", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_EntityId",
                table: "AuditEvents",
                column: "EntityId");

            migrationBuilder.CreateIndex(
                name: "IX_Disposals_RecordType_RecordId",
                table: "Disposals",
                columns: new[] { "RecordType", "RecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Disposals_Status_DueOn",
                table: "Disposals",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_CaseId",
                table: "LegalHolds",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_PersonId",
                table: "LegalHolds",
                column: "PersonId");

            // The audit trail stays append-only, with one exception: a retention disposal may clear an event's free texts
            // (purpose, recipient, outcome and the salt of their digest) and name itself. Any other change is refused,
            // whichever role asks. Operators grant the application role UPDATE on those columns only (docs/operators-guide.md).
            migrationBuilder.Sql("""
                CREATE FUNCTION mend_allow_audit_erasure_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF OLD."ErasedByDisposalId" IS NULL AND NEW."ErasedByDisposalId" IS NOT NULL AND EXISTS (SELECT 1 FROM "Disposals" d WHERE d."Id" = NEW."ErasedByDisposalId") AND OLD."TextDigest" IS NOT NULL AND NEW."Purpose" IS NULL AND NEW."Recipient" IS NULL AND NEW."Outcome" IS NULL AND NEW."TextSalt" IS NULL
                        AND NEW."Id" IS NOT DISTINCT FROM OLD."Id" AND NEW."OccurredAt" IS NOT DISTINCT FROM OLD."OccurredAt" AND NEW."ActorUserId" IS NOT DISTINCT FROM OLD."ActorUserId" AND NEW."ActorName" IS NOT DISTINCT FROM OLD."ActorName" AND NEW."Action" IS NOT DISTINCT FROM OLD."Action" AND NEW."EntityType" IS NOT DISTINCT FROM OLD."EntityType" AND NEW."EntityId" IS NOT DISTINCT FROM OLD."EntityId" AND NEW."Fields" IS NOT DISTINCT FROM OLD."Fields" AND NEW."SubjectPersonId" IS NOT DISTINCT FROM OLD."SubjectPersonId" AND NEW."CorrelationId" IS NOT DISTINCT FROM OLD."CorrelationId" AND NEW."ApiTokenId" IS NOT DISTINCT FROM OLD."ApiTokenId" AND NEW."TextDigest" IS NOT DISTINCT FROM OLD."TextDigest" THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'audit rows are append-only (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
                END $$;
                """);
            migrationBuilder.Sql("DROP TRIGGER \"AuditEvents_append_only\" ON \"AuditEvents\";");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditEvents_no_delete\" BEFORE DELETE ON \"AuditEvents\" FOR EACH ROW EXECUTE FUNCTION mend_refuse_audit_change();");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditEvents_erasure_only\" BEFORE UPDATE ON \"AuditEvents\" FOR EACH ROW EXECUTE FUNCTION mend_allow_audit_erasure_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"AuditEvents_erasure_only\" ON \"AuditEvents\";");
            migrationBuilder.Sql("DROP TRIGGER \"AuditEvents_no_delete\" ON \"AuditEvents\";");
            migrationBuilder.Sql("DROP FUNCTION mend_allow_audit_erasure_only();");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditEvents_append_only\" BEFORE UPDATE OR DELETE ON \"AuditEvents\" FOR EACH ROW EXECUTE FUNCTION mend_refuse_audit_change();");
            migrationBuilder.DropTable(
                name: "Disposals");

            migrationBuilder.DropTable(
                name: "LegalHolds");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_EntityId",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "LastPartEndedOn",
                table: "People");

            migrationBuilder.DropColumn(
                name: "ErasedByDisposalId",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "TextDigest",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "TextSalt",
                table: "AuditEvents");
        }
    }
}
