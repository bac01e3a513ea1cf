using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Waymark.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TwoFactorSubjectAccessRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LastTotpTimeStep",
                table: "AspNetUsers",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "TwoFactorEnrolmentRequired",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "LegalHolds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PlacedByUserId = table.Column<string>(type: "text", nullable: false),
                    PlacedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LiftedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LiftedByUserId = table.Column<string>(type: "text", nullable: true),
                    LiftedReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalHolds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalHolds_AspNetUsers_LiftedByUserId",
                        column: x => x.LiftedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LegalHolds_AspNetUsers_PlacedByUserId",
                        column: x => x.PlacedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LegalHolds_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RetentionRules",
                columns: table => new
                {
                    RecordType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Years = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedByUserId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRules", x => x.RecordType);
                    table.ForeignKey(
                        name: "FK_RetentionRules_AspNetUsers_UpdatedByUserId",
                        column: x => x.UpdatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "RetentionRules",
                columns: new[] { "RecordType", "UpdatedAtUtc", "UpdatedByUserId", "Years" },
                values: new object[,]
                {
                    { "AttendanceRegister", null, null, 6 },
                    { "ChildRecord", null, null, 25 },
                    { "LookedAfterChildRecord", null, null, 75 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_ChildId_LiftedAtUtc",
                table: "LegalHolds",
                columns: new[] { "ChildId", "LiftedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_LiftedByUserId",
                table: "LegalHolds",
                column: "LiftedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_PlacedByUserId",
                table: "LegalHolds",
                column: "PlacedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_RetentionRules_UpdatedByUserId",
                table: "RetentionRules",
                column: "UpdatedByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LegalHolds");

            migrationBuilder.DropTable(
                name: "RetentionRules");

            migrationBuilder.DropColumn(
                name: "LastTotpTimeStep",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "TwoFactorEnrolmentRequired",
                table: "AspNetUsers");
        }
    }
}
