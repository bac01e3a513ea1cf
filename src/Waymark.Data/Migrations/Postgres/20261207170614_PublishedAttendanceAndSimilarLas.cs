using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Waymark.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PublishedAttendanceAndSimilarLas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublishedAttendance",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TimePeriod = table.Column<int>(type: "integer", nullable: false),
                    TimeIdentifier = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AreaName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LaNumber = table.Column<int>(type: "integer", nullable: true),
                    RegionCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RegionName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Phase = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Schools = table.Column<decimal>(type: "numeric", nullable: true),
                    Enrolments = table.Column<decimal>(type: "numeric", nullable: true),
                    PossibleSessions = table.Column<long>(type: "bigint", nullable: true),
                    OverallAttendance = table.Column<long>(type: "bigint", nullable: true),
                    PresentSessions = table.Column<long>(type: "bigint", nullable: true),
                    ApprovedEducationalActivity = table.Column<long>(type: "bigint", nullable: true),
                    OverallAbsence = table.Column<long>(type: "bigint", nullable: true),
                    AuthorisedAbsence = table.Column<long>(type: "bigint", nullable: true),
                    UnauthorisedAbsence = table.Column<long>(type: "bigint", nullable: true),
                    AttendanceRate = table.Column<decimal>(type: "numeric", nullable: true),
                    OverallAbsenceRate = table.Column<decimal>(type: "numeric", nullable: true),
                    AuthorisedAbsenceRate = table.Column<decimal>(type: "numeric", nullable: true),
                    UnauthorisedAbsenceRate = table.Column<decimal>(type: "numeric", nullable: true),
                    PersistentAbsenceRate = table.Column<decimal>(type: "numeric", nullable: true),
                    SourceFile = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedAttendance", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SimilarLocalAuthorities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LaNumber = table.Column<int>(type: "integer", nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddedByUserId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimilarLocalAuthorities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SimilarLocalAuthorities_AspNetUsers_AddedByUserId",
                        column: x => x.AddedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedAttendance_LaNumber",
                table: "PublishedAttendance",
                column: "LaNumber");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedAttendance_TimePeriod_TimeIdentifier_Level_AreaCod~",
                table: "PublishedAttendance",
                columns: new[] { "TimePeriod", "TimeIdentifier", "Level", "AreaCode", "Phase" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SimilarLocalAuthorities_AddedByUserId",
                table: "SimilarLocalAuthorities",
                column: "AddedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SimilarLocalAuthorities_LaNumber",
                table: "SimilarLocalAuthorities",
                column: "LaNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublishedAttendance");

            migrationBuilder.DropTable(
                name: "SimilarLocalAuthorities");
        }
    }
}
