using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mend.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Victims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Victims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OnBehalfOfPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    DetailsSource = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    DetailsReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Enhanced = table.Column<int>(type: "integer", nullable: false),
                    PreferredMethod = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SafeTimes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    BlockedMethods = table.Column<int>(type: "integer", nullable: false),
                    InviteAppropriate = table.Column<bool>(type: "boolean", nullable: true),
                    InviteReasonsCiphertext = table.Column<string>(type: "text", nullable: true),
                    InviteDecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InviteDecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DeclinedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AgeBand = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    MinimisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Victims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Victims_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Victims_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SatisfactionSurveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VictimId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedByVictim = table.Column<bool>(type: "boolean", nullable: false),
                    Satisfaction = table.Column<int>(type: "integer", nullable: true),
                    FeltListenedTo = table.Column<bool>(type: "boolean", nullable: true),
                    WouldRecommend = table.Column<bool>(type: "boolean", nullable: true),
                    CommentsCiphertext = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SatisfactionSurveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SatisfactionSurveys_Victims_VictimId",
                        column: x => x.VictimId,
                        principalTable: "Victims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VictimChoices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VictimId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Agreed = table.Column<bool>(type: "boolean", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VictimChoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VictimChoices_Victims_VictimId",
                        column: x => x.VictimId,
                        principalTable: "Victims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VictimContacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VictimId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Direction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Via = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NextStep = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AddressId = table.Column<long>(type: "bigint", nullable: true),
                    TimeRecorded = table.Column<bool>(type: "boolean", nullable: false),
                    ByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VictimContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VictimContacts_Victims_VictimId",
                        column: x => x.VictimId,
                        principalTable: "Victims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VictimRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VictimId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    DetailCiphertext = table.Column<string>(type: "text", nullable: true),
                    To = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Response = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    LateReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VictimRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VictimRecords_Victims_VictimId",
                        column: x => x.VictimId,
                        principalTable: "Victims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VictimUnsafeAddresses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VictimId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonAddressId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VictimUnsafeAddresses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VictimUnsafeAddresses_PersonAddresses_PersonAddressId",
                        column: x => x.PersonAddressId,
                        principalTable: "PersonAddresses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VictimUnsafeAddresses_Victims_VictimId",
                        column: x => x.VictimId,
                        principalTable: "Victims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VictimViews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VictimId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionMaker = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ViewsCiphertext = table.Column<string>(type: "text", nullable: false),
                    WantsToAttend = table.Column<bool>(type: "boolean", nullable: false),
                    RepresentedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    ByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VictimViews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VictimViews_Victims_VictimId",
                        column: x => x.VictimId,
                        principalTable: "Victims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VictimViewsShares",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VictimViewsId = table.Column<long>(type: "bigint", nullable: false),
                    SharedWith = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    ByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VictimViewsShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VictimViewsShares_VictimViews_VictimViewsId",
                        column: x => x.VictimViewsId,
                        principalTable: "VictimViews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SatisfactionSurveys_TokenHash",
                table: "SatisfactionSurveys",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SatisfactionSurveys_VictimId",
                table: "SatisfactionSurveys",
                column: "VictimId");

            migrationBuilder.CreateIndex(
                name: "IX_VictimChoices_VictimId",
                table: "VictimChoices",
                column: "VictimId");

            migrationBuilder.CreateIndex(
                name: "IX_VictimContacts_VictimId",
                table: "VictimContacts",
                column: "VictimId");

            migrationBuilder.CreateIndex(
                name: "IX_VictimRecords_Kind_On",
                table: "VictimRecords",
                columns: new[] { "Kind", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_VictimRecords_VictimId",
                table: "VictimRecords",
                column: "VictimId");

            migrationBuilder.CreateIndex(
                name: "IX_Victims_CaseId_PersonId",
                table: "Victims",
                columns: new[] { "CaseId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Victims_DeclinedOn_MinimisedAt",
                table: "Victims",
                columns: new[] { "DeclinedOn", "MinimisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Victims_PersonId",
                table: "Victims",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_VictimUnsafeAddresses_PersonAddressId",
                table: "VictimUnsafeAddresses",
                column: "PersonAddressId");

            migrationBuilder.CreateIndex(
                name: "IX_VictimUnsafeAddresses_VictimId",
                table: "VictimUnsafeAddresses",
                column: "VictimId");

            migrationBuilder.CreateIndex(
                name: "IX_VictimViews_VictimId",
                table: "VictimViews",
                column: "VictimId");

            migrationBuilder.CreateIndex(
                name: "IX_VictimViewsShares_VictimViewsId",
                table: "VictimViewsShares",
                column: "VictimViewsId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SatisfactionSurveys");

            migrationBuilder.DropTable(
                name: "VictimChoices");

            migrationBuilder.DropTable(
                name: "VictimContacts");

            migrationBuilder.DropTable(
                name: "VictimRecords");

            migrationBuilder.DropTable(
                name: "VictimUnsafeAddresses");

            migrationBuilder.DropTable(
                name: "VictimViewsShares");

            migrationBuilder.DropTable(
                name: "VictimViews");

            migrationBuilder.DropTable(
                name: "Victims");
        }
    }
}
