using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PreparingForAdulthood : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CareLeaverDetails",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonalAdviser = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EetStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EetStatusOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PathwayPlanStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareLeaverDetails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareLeaverDetails_AspNetUsers_UpdatedByUserId",
                        column: x => x.UpdatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CareLeaverDetails_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JointPanels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Agencies = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JointPanels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JointPanels_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PathwayPlanReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PathwayPlanReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PathwayPlanReviews_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PathwayPlanReviews_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PfaChecklistItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EvidenceNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AscOutcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ProgrammeStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProgrammeEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RetainedEmployment = table.Column<bool>(type: "INTEGER", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PfaChecklistItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PfaChecklistItems_AspNetUsers_UpdatedByUserId",
                        column: x => x.UpdatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PfaChecklistItems_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JointPanelCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PanelId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Actions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ActionsOwner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActionsDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ListedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    DecidedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JointPanelCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JointPanelCases_AspNetUsers_DecidedByUserId",
                        column: x => x.DecidedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JointPanelCases_AspNetUsers_ListedByUserId",
                        column: x => x.ListedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JointPanelCases_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JointPanelCases_JointPanels_PanelId",
                        column: x => x.PanelId,
                        principalTable: "JointPanels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CareLeaverDetails_ChildId",
                table: "CareLeaverDetails",
                column: "ChildId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CareLeaverDetails_UpdatedByUserId",
                table: "CareLeaverDetails",
                column: "UpdatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_JointPanelCases_ChildId",
                table: "JointPanelCases",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_JointPanelCases_DecidedByUserId",
                table: "JointPanelCases",
                column: "DecidedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_JointPanelCases_ListedByUserId",
                table: "JointPanelCases",
                column: "ListedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_JointPanelCases_PanelId_ChildId",
                table: "JointPanelCases",
                columns: new[] { "PanelId", "ChildId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JointPanels_CreatedByUserId",
                table: "JointPanels",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_JointPanels_MeetsOn",
                table: "JointPanels",
                column: "MeetsOn");

            migrationBuilder.CreateIndex(
                name: "IX_PathwayPlanReviews_ChildId_ReviewedOn",
                table: "PathwayPlanReviews",
                columns: new[] { "ChildId", "ReviewedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PathwayPlanReviews_RecordedByUserId",
                table: "PathwayPlanReviews",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_PfaChecklistItems_ChildId_Item",
                table: "PfaChecklistItems",
                columns: new[] { "ChildId", "Item" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PfaChecklistItems_Status_DueOn",
                table: "PfaChecklistItems",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PfaChecklistItems_UpdatedByUserId",
                table: "PfaChecklistItems",
                column: "UpdatedByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CareLeaverDetails");

            migrationBuilder.DropTable(
                name: "JointPanelCases");

            migrationBuilder.DropTable(
                name: "PathwayPlanReviews");

            migrationBuilder.DropTable(
                name: "PfaChecklistItems");

            migrationBuilder.DropTable(
                name: "JointPanels");
        }
    }
}
