using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LinkCalls : Migration
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
                name: "LinkContacts");
        }
    }
}
