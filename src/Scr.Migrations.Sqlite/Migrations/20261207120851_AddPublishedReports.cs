using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scr.Migrations.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LearningReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    AddedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Facet = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
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

            // The full-text index (decision 0017): an external-content FTS5 table, so the text is stored once, in
            // published_reports, kept in step by triggers. Its rowid is the report's Id (INTEGER PRIMARY KEY, so stable).
            // Porter stemming, as PostgreSQL's 'english' configuration stems.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE published_reports_search USING fts5(
                    Title, Text, content='published_reports', content_rowid='Id', tokenize='porter unicode61');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER published_reports_search_insert AFTER INSERT ON published_reports BEGIN
                    INSERT INTO published_reports_search(rowid, Title, Text) VALUES (new.Id, new.Title, new.Text);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER published_reports_search_delete AFTER DELETE ON published_reports BEGIN
                    INSERT INTO published_reports_search(published_reports_search, rowid, Title, Text) VALUES ('delete', old.Id, old.Title, old.Text);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER published_reports_search_update AFTER UPDATE OF Title, Text ON published_reports BEGIN
                    INSERT INTO published_reports_search(published_reports_search, rowid, Title, Text) VALUES ('delete', old.Id, old.Title, old.Text);
                    INSERT INTO published_reports_search(rowid, Title, Text) VALUES (new.Id, new.Title, new.Text);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER published_reports_search_update;");
            migrationBuilder.Sql("DROP TRIGGER published_reports_search_delete;");
            migrationBuilder.Sql("DROP TRIGGER published_reports_search_insert;");
            migrationBuilder.Sql("DROP TABLE published_reports_search;");

            migrationBuilder.DropTable(
                name: "published_report_facets");

            migrationBuilder.DropTable(
                name: "published_reports");
        }
    }
}
