using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scr.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Stage1 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BusinessUnitRecommendation",
                table: "reviews",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ChairAcknowledgedAt",
                table: "reviews",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ChairAcknowledgedById",
                table: "reviews",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ChairNotifiedAt",
                table: "reviews",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FileReviewSummary",
                table: "reviews",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FileReviewsSharedAt",
                table: "reviews",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImmediateActions",
                table: "reviews",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "IncidentNotifiedToPanelAt",
                table: "reviews",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OtherChildrenAtRisk",
                table: "reviews",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SummaryPreparedAt",
                table: "reviews",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SummaryPreparedById",
                table: "reviews",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordsNote",
                table: "review_agencies",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecordsRequestedAt",
                table: "review_agencies",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecordsSecuredAt",
                table: "review_agencies",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RecordsSecuredById",
                table: "review_agencies",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "calendar_feeds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Prefix = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastUsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_feeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_calendar_feeds_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_communications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Recipient = table.Column<int>(type: "integer", nullable: false),
                    RecipientName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    SentById = table.Column<Guid>(type: "uuid", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_communications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_communications_AspNetUsers_SentById",
                        column: x => x.SentById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_case_communications_organisations_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_case_communications_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "file_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Contacts = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    KnownConcerns = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Recommendation = table.Column<int>(type: "integer", nullable: false),
                    Rationale = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    SubmittedById = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_file_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_file_reviews_AspNetUsers_SubmittedById",
                        column: x => x.SubmittedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_file_reviews_organisations_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_file_reviews_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "form_drafts",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    FormKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Data = table.Column<string>(type: "character varying(64000)", maxLength: 64000, nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_form_drafts", x => new { x.UserId, x.FormKey });
                    table.ForeignKey(
                        name: "FK_form_drafts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inbox_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Link = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inbox_items_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_inbox_items_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_submissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    BoardId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Rationale = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Outline = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Recipients = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Response = table.Column<int>(type: "integer", nullable: false),
                    ChallengeOutcome = table.Column<int>(type: "integer", nullable: true),
                    RespondedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_panel_submissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_panel_submissions_organisations_BoardId",
                        column: x => x.BoardId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_panel_submissions_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "peer_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: false),
                    RequestedById = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Agrees = table.Column<bool>(type: "boolean", nullable: true),
                    Response = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    RespondedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_peer_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_peer_reviews_AspNetUsers_PeerId",
                        column: x => x.PeerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_peer_reviews_AspNetUsers_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_peer_reviews_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reminders_sent",
                columns: table => new
                {
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeadlineKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reminders_sent", x => new { x.ReviewId, x.DeadlineKey, x.Kind });
                    table.ForeignKey(
                        name: "FK_reminders_sent_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "subgroup_recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    CriteriaSetId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Answers = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Recommendation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Rationale = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Methodology = table.Column<int>(type: "integer", nullable: true),
                    Scope = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    AlternativeReview = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Warnings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subgroup_recommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_subgroup_recommendations_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_subgroup_recommendations_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromPanel = table.Column<bool>(type: "boolean", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ById = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_panel_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_panel_messages_AspNetUsers_ById",
                        column: x => x.ById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_panel_messages_panel_submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "panel_submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_review_agencies_RecordsSecuredById",
                table: "review_agencies",
                column: "RecordsSecuredById");

            migrationBuilder.CreateIndex(
                name: "IX_calendar_feeds_Hash",
                table: "calendar_feeds",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_calendar_feeds_UserId",
                table: "calendar_feeds",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_case_communications_AgencyId",
                table: "case_communications",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_case_communications_ReviewId",
                table: "case_communications",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_case_communications_SentById",
                table: "case_communications",
                column: "SentById");

            migrationBuilder.CreateIndex(
                name: "IX_file_reviews_AgencyId",
                table: "file_reviews",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_file_reviews_ReviewId_AgencyId",
                table: "file_reviews",
                columns: new[] { "ReviewId", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_file_reviews_SubmittedById",
                table: "file_reviews",
                column: "SubmittedById");

            migrationBuilder.CreateIndex(
                name: "IX_inbox_items_ReviewId",
                table: "inbox_items",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_inbox_items_UserId_CreatedAt",
                table: "inbox_items",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_panel_messages_ById",
                table: "panel_messages",
                column: "ById");

            migrationBuilder.CreateIndex(
                name: "IX_panel_messages_SubmissionId",
                table: "panel_messages",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_panel_submissions_BoardId_SentAt",
                table: "panel_submissions",
                columns: new[] { "BoardId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_panel_submissions_ReviewId",
                table: "panel_submissions",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_panel_submissions_SentAt",
                table: "panel_submissions",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_peer_reviews_PeerId",
                table: "peer_reviews",
                column: "PeerId");

            migrationBuilder.CreateIndex(
                name: "IX_peer_reviews_RequestedById",
                table: "peer_reviews",
                column: "RequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_peer_reviews_ReviewId",
                table: "peer_reviews",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_subgroup_recommendations_RecordedById",
                table: "subgroup_recommendations",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_subgroup_recommendations_ReviewId",
                table: "subgroup_recommendations",
                column: "ReviewId");

            migrationBuilder.AddForeignKey(
                name: "FK_review_agencies_AspNetUsers_RecordsSecuredById",
                table: "review_agencies",
                column: "RecordsSecuredById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_review_agencies_AspNetUsers_RecordsSecuredById",
                table: "review_agencies");

            migrationBuilder.DropTable(
                name: "calendar_feeds");

            migrationBuilder.DropTable(
                name: "case_communications");

            migrationBuilder.DropTable(
                name: "file_reviews");

            migrationBuilder.DropTable(
                name: "form_drafts");

            migrationBuilder.DropTable(
                name: "inbox_items");

            migrationBuilder.DropTable(
                name: "panel_messages");

            migrationBuilder.DropTable(
                name: "peer_reviews");

            migrationBuilder.DropTable(
                name: "reminders_sent");

            migrationBuilder.DropTable(
                name: "subgroup_recommendations");

            migrationBuilder.DropTable(
                name: "panel_submissions");

            migrationBuilder.DropIndex(
                name: "IX_review_agencies_RecordsSecuredById",
                table: "review_agencies");

            migrationBuilder.DropColumn(
                name: "BusinessUnitRecommendation",
                table: "reviews");

            migrationBuilder.DropColumn(
                name: "ChairAcknowledgedAt",
                table: "reviews");

            migrationBuilder.DropColumn(
                name: "ChairAcknowledgedById",
                table: "reviews");

            migrationBuilder.DropColumn(
                name: "ChairNotifiedAt",
                table: "reviews");

            migrationBuilder.DropColumn(
                name: "FileReviewSummary",
                table: "reviews");

            migrationBuilder.DropColumn(
                name: "FileReviewsSharedAt",
                table: "reviews");

            migrationBuilder.DropColumn(
                name: "ImmediateActions",
                table: "reviews");

            migrationBuilder.DropColumn(
                name: "IncidentNotifiedToPanelAt",
                table: "reviews");

            migrationBuilder.DropColumn(
                name: "OtherChildrenAtRisk",
                table: "reviews");

            migrationBuilder.DropColumn(
                name: "SummaryPreparedAt",
                table: "reviews");

            migrationBuilder.DropColumn(
                name: "SummaryPreparedById",
                table: "reviews");

            migrationBuilder.DropColumn(
                name: "RecordsNote",
                table: "review_agencies");

            migrationBuilder.DropColumn(
                name: "RecordsRequestedAt",
                table: "review_agencies");

            migrationBuilder.DropColumn(
                name: "RecordsSecuredAt",
                table: "review_agencies");

            migrationBuilder.DropColumn(
                name: "RecordsSecuredById",
                table: "review_agencies");
        }
    }
}
