using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Waymark.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue4ReducedTimetables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReducedTimetables",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedEndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    HoursPerWeek = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReasonDetail = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ParentAgreedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ParentAgreedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PlanToFullTime = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EarlyHelpConsidered = table.Column<bool>(type: "boolean", nullable: false),
                    EarlyHelpOutcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SocialWorkerInformedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "text", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReducedTimetables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReducedTimetables_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReducedTimetables_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReducedTimetables_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReducedTimetableReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReducedTimetableId = table.Column<int>(type: "integer", nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Attendees = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    NewHoursPerWeek = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: true),
                    NextReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedByUserId = table.Column<string>(type: "text", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReducedTimetableReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReducedTimetableReviews_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReducedTimetableReviews_ReducedTimetables_ReducedTimetableId",
                        column: x => x.ReducedTimetableId,
                        principalTable: "ReducedTimetables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReducedTimetableReviews_RecordedByUserId",
                table: "ReducedTimetableReviews",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ReducedTimetableReviews_ReducedTimetableId",
                table: "ReducedTimetableReviews",
                column: "ReducedTimetableId");

            migrationBuilder.CreateIndex(
                name: "IX_ReducedTimetables_ChildId_StartDate",
                table: "ReducedTimetables",
                columns: new[] { "ChildId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ReducedTimetables_CreatedByUserId",
                table: "ReducedTimetables",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ReducedTimetables_SchoolId_EndedOn",
                table: "ReducedTimetables",
                columns: new[] { "SchoolId", "EndedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReducedTimetableReviews");

            migrationBuilder.DropTable(
                name: "ReducedTimetables");
        }
    }
}
