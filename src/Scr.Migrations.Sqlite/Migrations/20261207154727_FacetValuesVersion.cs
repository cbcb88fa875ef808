using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scr.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FacetValuesVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "published_report_facets_version",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_published_report_facets_version", x => x.Id);
                });

            // A stamp from the start, so that searches before the first change of any report's values read them once, not
            // every time (ReportFacetCounts); a new one for each database.
            migrationBuilder.InsertData(
                table: "published_report_facets_version",
                columns: ["Id", "Stamp"],
                values: new object[] { 1, Guid.NewGuid() });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "published_report_facets_version");
        }
    }
}
