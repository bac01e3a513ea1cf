using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SendEhcPathway : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EhcAnnualReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NoticeSentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReportSentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ProposedAmendmentsSentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AmendedPlanOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhcAnnualReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EhcAnnualReviews_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EhcAnnualReviews_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EhcLaTransfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromLocalAuthority = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TransferredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LetterSentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhcLaTransfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EhcLaTransfers_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EhcLaTransfers_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EhcNeedsAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DraftSentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FinalPlanOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NoPlanOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Exception = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ExceptionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhcNeedsAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EhcNeedsAssessments_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EhcNeedsAssessments_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EhcPhaseTransfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TransferOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NewSchoolId = table.Column<int>(type: "INTEGER", nullable: true),
                    AmendedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhcPhaseTransfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EhcPhaseTransfers_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EhcPhaseTransfers_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EhcPhaseTransfers_Schools_NewSchoolId",
                        column: x => x.NewSchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EhcAnnualReviews_ChildId_MeetingOn",
                table: "EhcAnnualReviews",
                columns: new[] { "ChildId", "MeetingOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EhcAnnualReviews_CreatedByUserId",
                table: "EhcAnnualReviews",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_EhcLaTransfers_ChildId",
                table: "EhcLaTransfers",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_EhcLaTransfers_CreatedByUserId",
                table: "EhcLaTransfers",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_EhcNeedsAssessments_ChildId_RequestedOn",
                table: "EhcNeedsAssessments",
                columns: new[] { "ChildId", "RequestedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_EhcNeedsAssessments_CreatedByUserId",
                table: "EhcNeedsAssessments",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_EhcNeedsAssessments_FinalPlanOn",
                table: "EhcNeedsAssessments",
                column: "FinalPlanOn");

            migrationBuilder.CreateIndex(
                name: "IX_EhcPhaseTransfers_ChildId_TransferOn",
                table: "EhcPhaseTransfers",
                columns: new[] { "ChildId", "TransferOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EhcPhaseTransfers_CreatedByUserId",
                table: "EhcPhaseTransfers",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_EhcPhaseTransfers_DueOn",
                table: "EhcPhaseTransfers",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_EhcPhaseTransfers_NewSchoolId",
                table: "EhcPhaseTransfers",
                column: "NewSchoolId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EhcAnnualReviews");

            migrationBuilder.DropTable(
                name: "EhcLaTransfers");

            migrationBuilder.DropTable(
                name: "EhcNeedsAssessments");

            migrationBuilder.DropTable(
                name: "EhcPhaseTransfers");
        }
    }
}
