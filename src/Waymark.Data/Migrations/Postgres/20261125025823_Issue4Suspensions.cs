using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Waymark.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue4Suspensions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Suspensions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    FirstSession = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Sessions = table.Column<int>(type: "integer", nullable: true),
                    Reason1 = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Reason2 = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Reason3 = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    AlternativeProvisionFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    AlternativeProvisionBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReintegrationMeetingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReintegrationNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "text", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "text", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Suspensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Suspensions_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Suspensions_AspNetUsers_UpdatedByUserId",
                        column: x => x.UpdatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Suspensions_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Suspensions_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Suspensions_ChildId_StartDate",
                table: "Suspensions",
                columns: new[] { "ChildId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Suspensions_RecordedByUserId",
                table: "Suspensions",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Suspensions_SchoolId_StartDate",
                table: "Suspensions",
                columns: new[] { "SchoolId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Suspensions_UpdatedByUserId",
                table: "Suspensions",
                column: "UpdatedByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Suspensions");
        }
    }
}
