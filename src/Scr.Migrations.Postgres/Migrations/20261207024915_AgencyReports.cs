using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scr.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AgencyReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agency_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RequestNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestedById = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AuthorPost = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AuthorNamedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AuthorNamedById = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agency_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agency_reports_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_agency_reports_AspNetUsers_AuthorNamedById",
                        column: x => x.AuthorNamedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_agency_reports_AspNetUsers_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_agency_reports_organisations_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_agency_reports_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "agency_report_quality_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CommentsForAuthor = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PanelNotes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DecidedById = table.Column<Guid>(type: "uuid", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agency_report_quality_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agency_report_quality_reviews_AspNetUsers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_agency_report_quality_reviews_agency_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "agency_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "agency_report_staff_feedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Attended = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agency_report_staff_feedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agency_report_staff_feedback_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_agency_report_staff_feedback_agency_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "agency_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "agency_report_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Sections = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SavedById = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubmittedById = table.Column<Guid>(type: "uuid", nullable: true),
                    SeniorOfficer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agency_report_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agency_report_versions_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_agency_report_versions_AspNetUsers_SavedById",
                        column: x => x.SavedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_agency_report_versions_AspNetUsers_SubmittedById",
                        column: x => x.SubmittedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_agency_report_versions_agency_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "agency_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agency_report_quality_reviews_DecidedById",
                table: "agency_report_quality_reviews",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_agency_report_quality_reviews_ReportId_VersionNumber",
                table: "agency_report_quality_reviews",
                columns: new[] { "ReportId", "VersionNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_agency_report_staff_feedback_RecordedById",
                table: "agency_report_staff_feedback",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_agency_report_staff_feedback_ReportId",
                table: "agency_report_staff_feedback",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_agency_report_versions_CreatedById",
                table: "agency_report_versions",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_agency_report_versions_ReportId_Number",
                table: "agency_report_versions",
                columns: new[] { "ReportId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agency_report_versions_SavedById",
                table: "agency_report_versions",
                column: "SavedById");

            migrationBuilder.CreateIndex(
                name: "IX_agency_report_versions_SubmittedById",
                table: "agency_report_versions",
                column: "SubmittedById");

            migrationBuilder.CreateIndex(
                name: "IX_agency_reports_AgencyId",
                table: "agency_reports",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_agency_reports_AuthorId",
                table: "agency_reports",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_agency_reports_AuthorNamedById",
                table: "agency_reports",
                column: "AuthorNamedById");

            migrationBuilder.CreateIndex(
                name: "IX_agency_reports_RequestedById",
                table: "agency_reports",
                column: "RequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_agency_reports_ReviewId_AgencyId",
                table: "agency_reports",
                columns: new[] { "ReviewId", "AgencyId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agency_report_quality_reviews");

            migrationBuilder.DropTable(
                name: "agency_report_staff_feedback");

            migrationBuilder.DropTable(
                name: "agency_report_versions");

            migrationBuilder.DropTable(
                name: "agency_reports");
        }
    }
}
