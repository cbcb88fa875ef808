using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scr.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TermsOfReference : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "terms_of_reference_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    KeyLinesOfEnquiry = table.Column<string>(type: "text", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: true),
                    LeadBoardId = table.Column<Guid>(type: "uuid", nullable: true),
                    LeadBoardName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OtherBoards = table.Column<string>(type: "text", nullable: false),
                    BoardsNote = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Agencies = table.Column<string>(type: "text", nullable: false),
                    OtherAgencies = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    FamilyContribution = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ParallelProcesses = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Timetable = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Publication = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Methodology = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    MethodologyNote = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    AgencyReports = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Chronology = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SavedById = table.Column<Guid>(type: "uuid", nullable: false),
                    SignedOffAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SignedOffById = table.Column<Guid>(type: "uuid", nullable: true),
                    SignOffNote = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_terms_of_reference_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_terms_of_reference_versions_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_terms_of_reference_versions_AspNetUsers_SavedById",
                        column: x => x.SavedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_terms_of_reference_versions_AspNetUsers_SignedOffById",
                        column: x => x.SignedOffById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_terms_of_reference_versions_organisations_LeadBoardId",
                        column: x => x.LeadBoardId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_terms_of_reference_versions_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_terms_of_reference_versions_CreatedById",
                table: "terms_of_reference_versions",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_terms_of_reference_versions_LeadBoardId",
                table: "terms_of_reference_versions",
                column: "LeadBoardId");

            migrationBuilder.CreateIndex(
                name: "IX_terms_of_reference_versions_ReviewId_Number",
                table: "terms_of_reference_versions",
                columns: new[] { "ReviewId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_terms_of_reference_versions_SavedById",
                table: "terms_of_reference_versions",
                column: "SavedById");

            migrationBuilder.CreateIndex(
                name: "IX_terms_of_reference_versions_SignedOffById",
                table: "terms_of_reference_versions",
                column: "SignedOffById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "terms_of_reference_versions");
        }
    }
}
