using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CtfImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CareAuthority",
                table: "ChildStatuses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecondaryNeed",
                table: "ChildStatuses",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ChildAddresses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Saon = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Paon = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Street = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Locality = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Town = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AdministrativeArea = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PostTown = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Uprn = table.Column<long>(type: "INTEGER", nullable: true),
                    Line1 = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Line2 = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Line3 = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Line4 = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Line5 = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    County = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildAddresses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildAddresses_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    Forename = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Surname = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ParentalResponsibility = table.Column<bool>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildContacts_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SchoolHistoryEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LaCode = table.Column<int>(type: "INTEGER", nullable: true),
                    EstablishmentNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Urn = table.Column<int>(type: "INTEGER", nullable: true),
                    EntryDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LeavingDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LeavingReason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchoolHistoryEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SchoolHistoryEntries_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildContactPhones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContactId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildContactPhones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildContactPhones_ChildContacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "ChildContacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChildAddresses_ChildId",
                table: "ChildAddresses",
                column: "ChildId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChildContactPhones_ContactId",
                table: "ChildContactPhones",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildContacts_ChildId_Order",
                table: "ChildContacts",
                columns: new[] { "ChildId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_SchoolHistoryEntries_ChildId",
                table: "SchoolHistoryEntries",
                column: "ChildId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChildAddresses");

            migrationBuilder.DropTable(
                name: "ChildContactPhones");

            migrationBuilder.DropTable(
                name: "SchoolHistoryEntries");

            migrationBuilder.DropTable(
                name: "ChildContacts");

            migrationBuilder.DropColumn(
                name: "CareAuthority",
                table: "ChildStatuses");

            migrationBuilder.DropColumn(
                name: "SecondaryNeed",
                table: "ChildStatuses");
        }
    }
}
