using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scr.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FacetCountsFromTheIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_published_report_facets_Facet_Value",
                table: "published_report_facets");

            migrationBuilder.CreateIndex(
                name: "IX_published_report_facets_Facet_Value_ReportId",
                table: "published_report_facets",
                columns: new[] { "Facet", "Value", "ReportId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_published_report_facets_Facet_Value_ReportId",
                table: "published_report_facets");

            migrationBuilder.CreateIndex(
                name: "IX_published_report_facets_Facet_Value",
                table: "published_report_facets",
                columns: new[] { "Facet", "Value" });
        }
    }
}
