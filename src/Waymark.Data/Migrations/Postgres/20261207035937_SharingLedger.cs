using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SharingLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "RecipientSchoolId",
                table: "InformationShares",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<string>(
                name: "RecipientOrganisation",
                table: "InformationShares",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SharedOn",
                table: "InformationShares",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DataCovered",
                table: "Consents",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_InformationShares_Recipient",
                table: "InformationShares",
                sql: "\"RecipientSchoolId\" IS NOT NULL OR \"RecipientOrganisation\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_InformationShares_Recipient",
                table: "InformationShares");

            migrationBuilder.DropColumn(
                name: "RecipientOrganisation",
                table: "InformationShares");

            migrationBuilder.DropColumn(
                name: "SharedOn",
                table: "InformationShares");

            migrationBuilder.DropColumn(
                name: "DataCovered",
                table: "Consents");

            migrationBuilder.AlterColumn<int>(
                name: "RecipientSchoolId",
                table: "InformationShares",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
