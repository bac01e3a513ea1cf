using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KpiTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KpiTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    BaselineYear = table.Column<int>(type: "INTEGER", nullable: false),
                    BaselineValue = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    TargetYear = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetValue = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiTargets", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KpiTargets_IndicatorCode_Phase",
                table: "KpiTargets",
                columns: new[] { "IndicatorCode", "Phase" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KpiTargets");
        }
    }
}
