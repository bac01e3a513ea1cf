using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Waymark.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CommonTransferFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "SharedByUserId",
                table: "InformationShares",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.CreateTable(
                name: "CommonTransferFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceCode = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    DestinationCode = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Pupils = table.Column<int>(type: "integer", nullable: false),
                    MadeAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MadeByUserId = table.Column<string>(type: "text", nullable: true),
                    MadeVia = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommonTransferFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommonTransferFiles_AspNetUsers_MadeByUserId",
                        column: x => x.MadeByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommonTransferFiles_FileName",
                table: "CommonTransferFiles",
                column: "FileName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommonTransferFiles_MadeByUserId",
                table: "CommonTransferFiles",
                column: "MadeByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CommonTransferFiles_SourceCode_DestinationCode_Sequence",
                table: "CommonTransferFiles",
                columns: new[] { "SourceCode", "DestinationCode", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommonTransferFiles");

            migrationBuilder.AlterColumn<string>(
                name: "SharedByUserId",
                table: "InformationShares",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}
