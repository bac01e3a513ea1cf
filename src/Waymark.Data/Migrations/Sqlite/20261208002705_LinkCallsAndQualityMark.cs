using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Waymark.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LinkCallsAndQualityMark : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LinkContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OfficerUserId = table.Column<string>(type: "TEXT", nullable: false),
                    FromSchool = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LinkContacts_AspNetUsers_OfficerUserId",
                        column: x => x.OfficerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LinkContacts_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LinkedSchools",
                columns: table => new
                {
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    OfficerUserId = table.Column<string>(type: "TEXT", nullable: false),
                    LinkedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RiskGroup = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RiskNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkedSchools", x => x.SchoolId);
                    table.ForeignKey(
                        name: "FK_LinkedSchools_AspNetUsers_OfficerUserId",
                        column: x => x.OfficerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LinkedSchools_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QualityMarkMilestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityMarkMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualityMarkMilestones_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QualityMarkModerators",
                columns: table => new
                {
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    ModeratorSchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    AssignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityMarkModerators", x => x.SchoolId);
                    table.ForeignKey(
                        name: "FK_QualityMarkModerators_AspNetUsers_AssignedByUserId",
                        column: x => x.AssignedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QualityMarkModerators_Schools_ModeratorSchoolId",
                        column: x => x.ModeratorSchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QualityMarkModerators_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QualityMarkStandards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RetiredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityMarkStandards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualityMarkStandards_AspNetUsers_UpdatedByUserId",
                        column: x => x.UpdatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LinkActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DoneByUserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LinkActions_AspNetUsers_DoneByUserId",
                        column: x => x.DoneByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LinkActions_LinkContacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "LinkContacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LinkContactChildren",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkContactChildren", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LinkContactChildren_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LinkContactChildren_LinkContacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "LinkContacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QualityMarkAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    StandardId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Judgement = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ModeratedBySchoolId = table.Column<int>(type: "INTEGER", nullable: true),
                    ModeratedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ModeratedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ModerationNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityMarkAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualityMarkAssessments_AspNetUsers_ModeratedByUserId",
                        column: x => x.ModeratedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QualityMarkAssessments_AspNetUsers_SubmittedByUserId",
                        column: x => x.SubmittedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QualityMarkAssessments_AspNetUsers_UpdatedByUserId",
                        column: x => x.UpdatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QualityMarkAssessments_QualityMarkStandards_StandardId",
                        column: x => x.StandardId,
                        principalTable: "QualityMarkStandards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QualityMarkAssessments_Schools_ModeratedBySchoolId",
                        column: x => x.ModeratedBySchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QualityMarkAssessments_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QualityMarkMilestoneStandards",
                columns: table => new
                {
                    MilestonesId = table.Column<int>(type: "INTEGER", nullable: false),
                    StandardsId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityMarkMilestoneStandards", x => new { x.MilestonesId, x.StandardsId });
                    table.ForeignKey(
                        name: "FK_QualityMarkMilestoneStandards_QualityMarkMilestones_MilestonesId",
                        column: x => x.MilestonesId,
                        principalTable: "QualityMarkMilestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QualityMarkMilestoneStandards_QualityMarkStandards_StandardsId",
                        column: x => x.StandardsId,
                        principalTable: "QualityMarkStandards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QualityMarkAssessmentChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityMarkAssessmentChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualityMarkAssessmentChanges_AspNetUsers_ChangedByUserId",
                        column: x => x.ChangedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QualityMarkAssessmentChanges_QualityMarkAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "QualityMarkAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "QualityMarkStandards",
                columns: new[] { "Id", "Description", "Name", "Position", "RetiredAtUtc", "UpdatedAtUtc", "UpdatedByUserId" },
                values: new object[,]
                {
                    { 1, "Includes access and environment: every child and family is welcomed, the buildings and routines are accessible, and the school's values put inclusion first.", "Welcoming school and ethos", 1, null, null, null },
                    { 2, "Leaders and governors own inclusion: it is in the school's plans, budgets and staffing, and they check that it happens.", "Leadership and management", 2, null, null, null },
                    { 3, "Behaviour is managed with an understanding of children's needs; exclusion is a last resort; children are kept safe.", "Behaviour and safeguarding", 3, null, null, null },
                    { 4, "The curriculum and the wider life of the school (clubs, trips, responsibilities) are open to every child.", "Curriculum and opportunities", 4, null, null, null },
                    { 5, "Children's and staff's wellbeing is promoted, and needs are noticed early and met.", "Social and emotional health and wellbeing", 5, null, null, null },
                    { 6, "Teaching is adapted so that every child can learn and make progress; staff are trained to do it.", "Teaching and learning", 6, null, null, null },
                    { 7, "The progress of vulnerable groups is tracked and acted on, not just the whole school's.", "Monitoring progress and attainment", 7, null, null, null },
                    { 8, "Children and young people have a real say in their own support and in the life of the school.", "Participation of students and young people", 8, null, null, null },
                    { 9, "Families, governors and the community work with the school as partners.", "Partnerships with stakeholders", 9, null, null, null },
                    { 10, "Moves into, through and out of the school are planned with children, families and the schools they come from and go to.", "Transition", 10, null, null, null }
                });

            migrationBuilder.CreateIndex(
                name: "IX_LinkActions_ContactId_DueOn",
                table: "LinkActions",
                columns: new[] { "ContactId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LinkActions_DoneByUserId",
                table: "LinkActions",
                column: "DoneByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_LinkContactChildren_ChildId",
                table: "LinkContactChildren",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_LinkContactChildren_ContactId_ChildId",
                table: "LinkContactChildren",
                columns: new[] { "ContactId", "ChildId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LinkContacts_OfficerUserId",
                table: "LinkContacts",
                column: "OfficerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_LinkContacts_SchoolId_HeldOn",
                table: "LinkContacts",
                columns: new[] { "SchoolId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LinkedSchools_OfficerUserId",
                table: "LinkedSchools",
                column: "OfficerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityMarkAssessmentChanges_AssessmentId_ChangedAtUtc",
                table: "QualityMarkAssessmentChanges",
                columns: new[] { "AssessmentId", "ChangedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_QualityMarkAssessmentChanges_ChangedByUserId",
                table: "QualityMarkAssessmentChanges",
                column: "ChangedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityMarkAssessments_ModeratedBySchoolId",
                table: "QualityMarkAssessments",
                column: "ModeratedBySchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityMarkAssessments_ModeratedByUserId",
                table: "QualityMarkAssessments",
                column: "ModeratedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityMarkAssessments_SchoolId_StandardId",
                table: "QualityMarkAssessments",
                columns: new[] { "SchoolId", "StandardId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QualityMarkAssessments_StandardId",
                table: "QualityMarkAssessments",
                column: "StandardId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityMarkAssessments_SubmittedByUserId",
                table: "QualityMarkAssessments",
                column: "SubmittedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityMarkAssessments_UpdatedByUserId",
                table: "QualityMarkAssessments",
                column: "UpdatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityMarkMilestones_CreatedByUserId",
                table: "QualityMarkMilestones",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityMarkMilestoneStandards_StandardsId",
                table: "QualityMarkMilestoneStandards",
                column: "StandardsId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityMarkModerators_AssignedByUserId",
                table: "QualityMarkModerators",
                column: "AssignedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityMarkModerators_ModeratorSchoolId",
                table: "QualityMarkModerators",
                column: "ModeratorSchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityMarkStandards_UpdatedByUserId",
                table: "QualityMarkStandards",
                column: "UpdatedByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LinkActions");

            migrationBuilder.DropTable(
                name: "LinkContactChildren");

            migrationBuilder.DropTable(
                name: "LinkedSchools");

            migrationBuilder.DropTable(
                name: "QualityMarkAssessmentChanges");

            migrationBuilder.DropTable(
                name: "QualityMarkMilestoneStandards");

            migrationBuilder.DropTable(
                name: "QualityMarkModerators");

            migrationBuilder.DropTable(
                name: "LinkContacts");

            migrationBuilder.DropTable(
                name: "QualityMarkAssessments");

            migrationBuilder.DropTable(
                name: "QualityMarkMilestones");

            migrationBuilder.DropTable(
                name: "QualityMarkStandards");
        }
    }
}
