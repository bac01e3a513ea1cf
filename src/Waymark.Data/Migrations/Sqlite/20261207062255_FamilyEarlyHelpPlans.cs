using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FamilyEarlyHelpPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EarlyHelpPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    MashContactOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MashOutcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    MashOutcomeOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MashOutcomeNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AgreedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UsefulInformation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    LeadSchoolId = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosureReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    TransferredTo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EarlyHelpPlans_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpPlans_Schools_LeadSchoolId",
                        column: x => x.LeadSchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FamilyMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Unborn = table.Column<bool>(type: "INTEGER", nullable: false),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Ethnicity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Disability = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LivesAtHome = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyMembers_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FamilyMembers_EarlyHelpPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "EarlyHelpPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LeadProfessionalSpells",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadProfessionalSpells", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeadProfessionalSpells_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LeadProfessionalSpells_EarlyHelpPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "EarlyHelpPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LeadProfessionalSpells_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MaintenancePlans",
                columns: table => new
                {
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FinalReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WhatWeLearnt = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    MostUseful = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ActionsToMaintainProgress = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DifficultSituations = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IfThingsBecomeChallenging = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WhoWeCanContact = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    KeyContacts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenancePlans", x => x.PlanId);
                    table.ForeignKey(
                        name: "FK_MaintenancePlans_EarlyHelpPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "EarlyHelpPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OtherService",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Service = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    WhoAndHow = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OtherService", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OtherService_EarlyHelpPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "EarlyHelpPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanCopies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecipientRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecipientUserId = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedByUserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanCopies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanCopies_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanCopies_EarlyHelpPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "EarlyHelpPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TafReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ContactDetailsChanged = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FamilyProgress = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ChildProgress = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    TafProgress = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    NewNeeds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NextStep = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ClosureReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    MashContactBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TransferredTo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TafReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TafReviews_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TafReviews_EarlyHelpPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "EarlyHelpPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EarlyHelpConsents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Agreed = table.Column<bool>(type: "INTEGER", nullable: false),
                    GivenByMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    CompetenceConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CoversMemberIds = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawnNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpConsents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EarlyHelpConsents_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpConsents_EarlyHelpPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "EarlyHelpPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EarlyHelpConsents_FamilyMembers_GivenByMemberId",
                        column: x => x.GivenByMemberId,
                        principalTable: "FamilyMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EarlyHelpActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreedAtReviewId = table.Column<int>(type: "INTEGER", nullable: true),
                    Aspect = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Who = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ResponsibleUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ResponsibleSchoolId = table.Column<int>(type: "INTEGER", nullable: true),
                    ByWhen = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HopedDifference = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Readiness = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NotDoneReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SettledAtReviewId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpActions", x => x.Id);
                    table.CheckConstraint("CK_EarlyHelpActions_Readiness", "\"Readiness\" >= 1 AND \"Readiness\" <= 5");
                    table.ForeignKey(
                        name: "FK_EarlyHelpActions_AspNetUsers_ResponsibleUserId",
                        column: x => x.ResponsibleUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpActions_EarlyHelpPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "EarlyHelpPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EarlyHelpActions_Schools_ResponsibleSchoolId",
                        column: x => x.ResponsibleSchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpActions_TafReviews_AgreedAtReviewId",
                        column: x => x.AgreedAtReviewId,
                        principalTable: "TafReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpActions_TafReviews_SettledAtReviewId",
                        column: x => x.SettledAtReviewId,
                        principalTable: "TafReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewInvitee",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: false),
                    SentUpdate = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewInvitee", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewInvitee_TafReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "TafReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelfAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PractitionerAgrees = table.Column<bool>(type: "INTEGER", nullable: false),
                    PractitionerReasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    InTheirOwnWords = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfAssessments_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfAssessments_EarlyHelpPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "EarlyHelpPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SelfAssessments_FamilyMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "FamilyMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfAssessments_TafReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "TafReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspectScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SelfAssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Aspect = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    NotApplicableReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    WorkingWell = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CouldBeBetter = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspectScores", x => x.Id);
                    table.CheckConstraint("CK_AspectScores_Score", "\"Score\" IS NULL OR (\"Score\" >= 0 AND \"Score\" <= 10)");
                    table.ForeignKey(
                        name: "FK_AspectScores_SelfAssessments_SelfAssessmentId",
                        column: x => x.SelfAssessmentId,
                        principalTable: "SelfAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelfAssessmentAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SelfAssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfAssessmentAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfAssessmentAttachments_AspNetUsers_UploadedByUserId",
                        column: x => x.UploadedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfAssessmentAttachments_SelfAssessments_SelfAssessmentId",
                        column: x => x.SelfAssessmentId,
                        principalTable: "SelfAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspectScores_SelfAssessmentId_Aspect",
                table: "AspectScores",
                columns: new[] { "SelfAssessmentId", "Aspect" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpActions_AgreedAtReviewId",
                table: "EarlyHelpActions",
                column: "AgreedAtReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpActions_PlanId_State",
                table: "EarlyHelpActions",
                columns: new[] { "PlanId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpActions_ResponsibleSchoolId",
                table: "EarlyHelpActions",
                column: "ResponsibleSchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpActions_ResponsibleUserId",
                table: "EarlyHelpActions",
                column: "ResponsibleUserId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpActions_SettledAtReviewId",
                table: "EarlyHelpActions",
                column: "SettledAtReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpConsents_GivenByMemberId",
                table: "EarlyHelpConsents",
                column: "GivenByMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpConsents_PlanId",
                table: "EarlyHelpConsents",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpConsents_RecordedByUserId",
                table: "EarlyHelpConsents",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpPlans_CreatedByUserId",
                table: "EarlyHelpPlans",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpPlans_LeadSchoolId",
                table: "EarlyHelpPlans",
                column: "LeadSchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpPlans_Stage_ReviewDueOn",
                table: "EarlyHelpPlans",
                columns: new[] { "Stage", "ReviewDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyMembers_ChildId",
                table: "FamilyMembers",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyMembers_PlanId",
                table: "FamilyMembers",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_LeadProfessionalSpells_PlanId_EndedOn",
                table: "LeadProfessionalSpells",
                columns: new[] { "PlanId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadProfessionalSpells_SchoolId",
                table: "LeadProfessionalSpells",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_LeadProfessionalSpells_UserId_EndedOn",
                table: "LeadProfessionalSpells",
                columns: new[] { "UserId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_OtherService_PlanId",
                table: "OtherService",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanCopies_PlanId",
                table: "PlanCopies",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanCopies_RecordedByUserId",
                table: "PlanCopies",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewInvitee_ReviewId",
                table: "ReviewInvitee",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessmentAttachments_SelfAssessmentId",
                table: "SelfAssessmentAttachments",
                column: "SelfAssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessmentAttachments_UploadedByUserId",
                table: "SelfAssessmentAttachments",
                column: "UploadedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_MemberId",
                table: "SelfAssessments",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_PlanId_ReviewId_MemberId",
                table: "SelfAssessments",
                columns: new[] { "PlanId", "ReviewId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_RecordedByUserId",
                table: "SelfAssessments",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_ReviewId",
                table: "SelfAssessments",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_TafReviews_PlanId_HeldOn",
                table: "TafReviews",
                columns: new[] { "PlanId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TafReviews_RecordedByUserId",
                table: "TafReviews",
                column: "RecordedByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AspectScores");

            migrationBuilder.DropTable(
                name: "EarlyHelpActions");

            migrationBuilder.DropTable(
                name: "EarlyHelpConsents");

            migrationBuilder.DropTable(
                name: "LeadProfessionalSpells");

            migrationBuilder.DropTable(
                name: "MaintenancePlans");

            migrationBuilder.DropTable(
                name: "OtherService");

            migrationBuilder.DropTable(
                name: "PlanCopies");

            migrationBuilder.DropTable(
                name: "ReviewInvitee");

            migrationBuilder.DropTable(
                name: "SelfAssessmentAttachments");

            migrationBuilder.DropTable(
                name: "SelfAssessments");

            migrationBuilder.DropTable(
                name: "FamilyMembers");

            migrationBuilder.DropTable(
                name: "TafReviews");

            migrationBuilder.DropTable(
                name: "EarlyHelpPlans");
        }
    }
}
