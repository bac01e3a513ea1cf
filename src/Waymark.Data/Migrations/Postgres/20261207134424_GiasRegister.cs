using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Waymark.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GiasRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address3",
                table: "Schools",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CloseDate",
                table: "Schools",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "County",
                table: "Schools",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Locality",
                table: "Schools",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OpenDate",
                table: "Schools",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Postcode",
                table: "Schools",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Schools",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Open");

            // Schools held before the register had a status: closed ones are marked Closed (hand-written step).
            migrationBuilder.Sql("UPDATE \"Schools\" SET \"Status\" = 'Closed' WHERE NOT \"IsOpen\";");

            migrationBuilder.AddColumn<string>(
                name: "Street",
                table: "Schools",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Town",
                table: "Schools",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SchoolLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    LinkedUrn = table.Column<int>(type: "integer", nullable: false),
                    LinkedName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LinkType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EstablishedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchoolLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SchoolLinks_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SchoolLinks_LinkedUrn",
                table: "SchoolLinks",
                column: "LinkedUrn");

            migrationBuilder.CreateIndex(
                name: "IX_SchoolLinks_SchoolId_LinkedUrn",
                table: "SchoolLinks",
                columns: new[] { "SchoolId", "LinkedUrn" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SchoolLinks");

            migrationBuilder.DropColumn(
                name: "Address3",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "CloseDate",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "County",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "Locality",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "OpenDate",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "Postcode",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "Street",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "Town",
                table: "Schools");
        }
    }
}
