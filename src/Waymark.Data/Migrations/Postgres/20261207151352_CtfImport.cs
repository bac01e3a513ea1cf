using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Waymark.Data.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecondaryNeed",
                table: "ChildStatuses",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ChildAddresses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Saon = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Paon = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Street = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Locality = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Town = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AdministrativeArea = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PostTown = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Uprn = table.Column<long>(type: "bigint", nullable: true),
                    Line1 = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Line2 = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Line3 = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Line4 = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Line5 = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    County = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    Forename = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Surname = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Relationship = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ParentalResponsibility = table.Column<bool>(type: "boolean", nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LaCode = table.Column<int>(type: "integer", nullable: true),
                    EstablishmentNumber = table.Column<int>(type: "integer", nullable: true),
                    Urn = table.Column<int>(type: "integer", nullable: true),
                    EntryDate = table.Column<DateOnly>(type: "date", nullable: true),
                    LeavingDate = table.Column<DateOnly>(type: "date", nullable: true),
                    LeavingReason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContactId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
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
