using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scr.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class People : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "family_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Invited = table.Column<bool>(type: "INTEGER", nullable: false),
                    Consent = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ConsentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MetById = table.Column<Guid>(type: "TEXT", nullable: true),
                    KeyWorker = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Shared = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Feedback = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NotInvolved = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotInvolvedReasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_family_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_family_members_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_family_members_AspNetUsers_MetById",
                        column: x => x.MetById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_family_members_AspNetUsers_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_family_members_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "practitioner_interviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IntervieweeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IntervieweeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IntervieweeRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    InterviewerIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConstraintClearance = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Record = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_practitioner_interviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_practitioner_interviews_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_practitioner_interviews_AspNetUsers_IntervieweeId",
                        column: x => x.IntervieweeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_practitioner_interviews_AspNetUsers_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_practitioner_interviews_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_support_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Attendees = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_support_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_staff_support_meetings_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_staff_support_meetings_organisations_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_staff_support_meetings_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "family_contact_details",
                columns: table => new
                {
                    FamilyMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_family_contact_details", x => x.FamilyMemberId);
                    table.ForeignKey(
                        name: "FK_family_contact_details_AspNetUsers_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_family_contact_details_family_members_FamilyMemberId",
                        column: x => x.FamilyMemberId,
                        principalTable: "family_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_family_contact_details_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "family_contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ById = table.Column<Guid>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_family_contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_family_contacts_AspNetUsers_ById",
                        column: x => x.ById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_family_contacts_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_family_contacts_family_members_FamilyMemberId",
                        column: x => x.FamilyMemberId,
                        principalTable: "family_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "interview_record_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InterviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    SharedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SharedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    Agreed = table.Column<bool>(type: "INTEGER", nullable: true),
                    Comments = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interview_record_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_interview_record_versions_AspNetUsers_SharedById",
                        column: x => x.SharedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_interview_record_versions_practitioner_interviews_InterviewId",
                        column: x => x.InterviewId,
                        principalTable: "practitioner_interviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_family_contact_details_ReviewId",
                table: "family_contact_details",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_family_contact_details_UpdatedById",
                table: "family_contact_details",
                column: "UpdatedById");

            migrationBuilder.CreateIndex(
                name: "IX_family_contacts_ById",
                table: "family_contacts",
                column: "ById");

            migrationBuilder.CreateIndex(
                name: "IX_family_contacts_FamilyMemberId",
                table: "family_contacts",
                column: "FamilyMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_family_contacts_RecordedById",
                table: "family_contacts",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_family_members_CreatedById",
                table: "family_members",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_family_members_MetById",
                table: "family_members",
                column: "MetById");

            migrationBuilder.CreateIndex(
                name: "IX_family_members_ReviewId",
                table: "family_members",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_family_members_UpdatedById",
                table: "family_members",
                column: "UpdatedById");

            migrationBuilder.CreateIndex(
                name: "IX_interview_record_versions_InterviewId_Number",
                table: "interview_record_versions",
                columns: new[] { "InterviewId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_interview_record_versions_SharedById",
                table: "interview_record_versions",
                column: "SharedById");

            migrationBuilder.CreateIndex(
                name: "IX_practitioner_interviews_CreatedById",
                table: "practitioner_interviews",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_practitioner_interviews_IntervieweeId",
                table: "practitioner_interviews",
                column: "IntervieweeId");

            migrationBuilder.CreateIndex(
                name: "IX_practitioner_interviews_ReviewId",
                table: "practitioner_interviews",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_practitioner_interviews_UpdatedById",
                table: "practitioner_interviews",
                column: "UpdatedById");

            migrationBuilder.CreateIndex(
                name: "IX_staff_support_meetings_AgencyId",
                table: "staff_support_meetings",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_staff_support_meetings_RecordedById",
                table: "staff_support_meetings",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_staff_support_meetings_ReviewId_AgencyId",
                table: "staff_support_meetings",
                columns: new[] { "ReviewId", "AgencyId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "family_contact_details");

            migrationBuilder.DropTable(
                name: "family_contacts");

            migrationBuilder.DropTable(
                name: "interview_record_versions");

            migrationBuilder.DropTable(
                name: "staff_support_meetings");

            migrationBuilder.DropTable(
                name: "family_members");

            migrationBuilder.DropTable(
                name: "practitioner_interviews");
        }
    }
}
