using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Scr.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddPublishedReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "published_reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LearningReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    AddedById = table.Column<Guid>(type: "uuid", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_published_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_published_reports_AspNetUsers_AddedById",
                        column: x => x.AddedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_published_reports_learning_reviews_LearningReviewId",
                        column: x => x.LearningReviewId,
                        principalTable: "learning_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "published_report_facets",
                columns: table => new
                {
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    Facet = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_published_report_facets", x => new { x.ReportId, x.Facet, x.Value });
                    table.ForeignKey(
                        name: "FK_published_report_facets_published_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "published_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_published_report_facets_Facet_Value",
                table: "published_report_facets",
                columns: new[] { "Facet", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_published_reports_AddedById",
                table: "published_reports",
                column: "AddedById");

            migrationBuilder.CreateIndex(
                name: "IX_published_reports_LearningReviewId",
                table: "published_reports",
                column: "LearningReviewId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_published_reports_PublishedOn",
                table: "published_reports",
                column: "PublishedOn");

            // The full-text index (decision 0017): a stored generated tsvector, the title weighted above the text, with a GIN
            // index. Not in the EF model: only Services/Learning/ReportSearch.cs queries it.
            migrationBuilder.Sql("""
                ALTER TABLE published_reports ADD COLUMN "Search" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', "Title"), 'A') || setweight(to_tsvector('english', "Text"), 'B')) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_published_reports_Search" ON published_reports USING GIN ("Search");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "published_report_facets");

            migrationBuilder.DropTable(
                name: "published_reports");
        }
    }
}
