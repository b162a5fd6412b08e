using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mend.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ErasedByDisposalId",
                table: "AuditEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextDigest",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextSalt",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Disposals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleId = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleWording = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TriggerOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ListedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DisposedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Erased = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LegalHolds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlacedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlacedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlacedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LiftedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LiftedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LiftReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
            // (purpose, recipient, outcome and the salt of their digest) and name itself. Any other change is refused.
            migrationBuilder.Sql("DROP TRIGGER \"AuditEvents_no_update\";");
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_no_update" BEFORE UPDATE ON "AuditEvents"
                WHEN NOT (OLD."ErasedByDisposalId" IS NULL AND NEW."ErasedByDisposalId" IS NOT NULL AND EXISTS (SELECT 1 FROM "Disposals" d WHERE d."Id" = NEW."ErasedByDisposalId") AND OLD."TextDigest" IS NOT NULL AND NEW."Purpose" IS NULL AND NEW."Recipient" IS NULL AND NEW."Outcome" IS NULL AND NEW."TextSalt" IS NULL
                    AND NEW."Id" IS OLD."Id" AND NEW."OccurredAt" IS OLD."OccurredAt" AND NEW."ActorUserId" IS OLD."ActorUserId" AND NEW."ActorName" IS OLD."ActorName" AND NEW."Action" IS OLD."Action" AND NEW."EntityType" IS OLD."EntityType" AND NEW."EntityId" IS OLD."EntityId" AND NEW."Fields" IS OLD."Fields" AND NEW."SubjectPersonId" IS OLD."SubjectPersonId" AND NEW."CorrelationId" IS OLD."CorrelationId" AND NEW."ApiTokenId" IS OLD."ApiTokenId" AND NEW."TextDigest" IS OLD."TextDigest")
                BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"AuditEvents_no_update\";");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditEvents_no_update\" BEFORE UPDATE ON \"AuditEvents\" BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;");
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
