using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scr.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReviewPanelRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AgencyId",
                table: "review_team_members",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencyType",
                table: "review_team_members",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ForRole",
                table: "involvement_declarations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "involvement_declarations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "RecordedById",
                table: "involvement_declarations",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "conflict_exceptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Conflicts = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    GrantedById = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conflict_exceptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_conflict_exceptions_AspNetUsers_GrantedById",
                        column: x => x.GrantedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_conflict_exceptions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_conflict_exceptions_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reviewer_profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Background = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Regions = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Methodologies = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CaseTypes = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ReviewsLed = table.Column<int>(type: "integer", nullable: false),
                    AvailableFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    AvailableUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviewer_profiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reviewer_profiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mentoring_pairs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MentorId = table.Column<Guid>(type: "uuid", nullable: false),
                    MenteeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ShadowReviewId = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mentoring_pairs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mentoring_pairs_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mentoring_pairs_reviewer_profiles_MenteeId",
                        column: x => x.MenteeId,
                        principalTable: "reviewer_profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mentoring_pairs_reviewer_profiles_MentorId",
                        column: x => x.MentorId,
                        principalTable: "reviewer_profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mentoring_pairs_reviews_ShadowReviewId",
                        column: x => x.ShadowReviewId,
                        principalTable: "reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reviewer_affiliations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganisationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Until = table.Column<DateOnly>(type: "date", nullable: true),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviewer_affiliations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reviewer_affiliations_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_reviewer_affiliations_reviewer_profiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "reviewer_profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reviewer_training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    CourseKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviewer_training", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reviewer_training_reviewer_profiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "reviewer_profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_review_team_members_AgencyId",
                table: "review_team_members",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_involvement_declarations_RecordedById",
                table: "involvement_declarations",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_conflict_exceptions_GrantedById",
                table: "conflict_exceptions",
                column: "GrantedById");

            migrationBuilder.CreateIndex(
                name: "IX_conflict_exceptions_ReviewId_UserId",
                table: "conflict_exceptions",
                columns: new[] { "ReviewId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_conflict_exceptions_UserId",
                table: "conflict_exceptions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_pairs_CreatedById",
                table: "mentoring_pairs",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_pairs_MenteeId",
                table: "mentoring_pairs",
                column: "MenteeId");

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_pairs_MentorId",
                table: "mentoring_pairs",
                column: "MentorId");

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_pairs_ShadowReviewId",
                table: "mentoring_pairs",
                column: "ShadowReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_reviewer_affiliations_OrganisationId",
                table: "reviewer_affiliations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_reviewer_affiliations_ProfileId",
                table: "reviewer_affiliations",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_reviewer_profiles_UserId",
                table: "reviewer_profiles",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reviewer_training_ProfileId",
                table: "reviewer_training",
                column: "ProfileId");

            migrationBuilder.AddForeignKey(
                name: "FK_involvement_declarations_AspNetUsers_RecordedById",
                table: "involvement_declarations",
                column: "RecordedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_review_team_members_organisations_AgencyId",
                table: "review_team_members",
                column: "AgencyId",
                principalTable: "organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_involvement_declarations_AspNetUsers_RecordedById",
                table: "involvement_declarations");

            migrationBuilder.DropForeignKey(
                name: "FK_review_team_members_organisations_AgencyId",
                table: "review_team_members");

            migrationBuilder.DropTable(
                name: "conflict_exceptions");

            migrationBuilder.DropTable(
                name: "mentoring_pairs");

            migrationBuilder.DropTable(
                name: "reviewer_affiliations");

            migrationBuilder.DropTable(
                name: "reviewer_training");

            migrationBuilder.DropTable(
                name: "reviewer_profiles");

            migrationBuilder.DropIndex(
                name: "IX_review_team_members_AgencyId",
                table: "review_team_members");

            migrationBuilder.DropIndex(
                name: "IX_involvement_declarations_RecordedById",
                table: "involvement_declarations");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "review_team_members");

            migrationBuilder.DropColumn(
                name: "AgencyType",
                table: "review_team_members");

            migrationBuilder.DropColumn(
                name: "ForRole",
                table: "involvement_declarations");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "involvement_declarations");

            migrationBuilder.DropColumn(
                name: "RecordedById",
                table: "involvement_declarations");
        }
    }
}
