using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TimePeriod = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeIdentifier = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AreaName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LaNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RegionName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Schools = table.Column<decimal>(type: "TEXT", nullable: true),
                    Enrolments = table.Column<decimal>(type: "TEXT", nullable: true),
                    PossibleSessions = table.Column<long>(type: "INTEGER", nullable: true),
                    OverallAttendance = table.Column<long>(type: "INTEGER", nullable: true),
                    PresentSessions = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedEducationalActivity = table.Column<long>(type: "INTEGER", nullable: true),
                    OverallAbsence = table.Column<long>(type: "INTEGER", nullable: true),
                    AuthorisedAbsence = table.Column<long>(type: "INTEGER", nullable: true),
                    UnauthorisedAbsence = table.Column<long>(type: "INTEGER", nullable: true),
                    AttendanceRate = table.Column<decimal>(type: "TEXT", nullable: true),
                    OverallAbsenceRate = table.Column<decimal>(type: "TEXT", nullable: true),
                    AuthorisedAbsenceRate = table.Column<decimal>(type: "TEXT", nullable: true),
                    UnauthorisedAbsenceRate = table.Column<decimal>(type: "TEXT", nullable: true),
                    PersistentAbsenceRate = table.Column<decimal>(type: "TEXT", nullable: true),
                    SourceFile = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedAttendance", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SimilarLocalAuthorities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LaNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AddedByUserId = table.Column<string>(type: "TEXT", nullable: true)
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
                name: "IX_PublishedAttendance_TimePeriod_TimeIdentifier_Level_AreaCode_Phase",
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
