using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scr.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AgencyChronologies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ChronologySharedAt",
                table: "reviews",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ChronologySharedById",
                table: "reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "agency_chronologies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agency_chronologies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agency_chronologies_organisations_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_agency_chronologies_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "key_practice_episodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WhyItMatters = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MarkedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    MarkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_key_practice_episodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_key_practice_episodes_AspNetUsers_MarkedById",
                        column: x => x.MarkedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_key_practice_episodes_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "agency_chronology_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChronologyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    EntryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agency_chronology_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agency_chronology_versions_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_agency_chronology_versions_agency_chronologies_ChronologyId",
                        column: x => x.ChronologyId,
                        principalTable: "agency_chronologies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "chronology_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Time = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Precision = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Approximate = table.Column<bool>(type: "INTEGER", nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PractitionerRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Present = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ChildSeen = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Wishes = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    WishesText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    WhatHappened = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    DecisionOrAction = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SourceDocument = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Row = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WhenKey = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chronology_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_chronology_entries_agency_chronology_versions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "agency_chronology_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reviews_ChronologySharedById",
                table: "reviews",
                column: "ChronologySharedById");

            migrationBuilder.CreateIndex(
                name: "IX_agency_chronologies_AgencyId",
                table: "agency_chronologies",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_agency_chronologies_ReviewId_AgencyId",
                table: "agency_chronologies",
                columns: new[] { "ReviewId", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agency_chronology_versions_ChronologyId_Number",
                table: "agency_chronology_versions",
                columns: new[] { "ChronologyId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agency_chronology_versions_CreatedById",
                table: "agency_chronology_versions",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_chronology_entries_ReviewId_WhenKey",
                table: "chronology_entries",
                columns: new[] { "ReviewId", "WhenKey" });

            migrationBuilder.CreateIndex(
                name: "IX_chronology_entries_VersionId_WhenKey",
                table: "chronology_entries",
                columns: new[] { "VersionId", "WhenKey" });

            migrationBuilder.CreateIndex(
                name: "IX_key_practice_episodes_MarkedById",
                table: "key_practice_episodes",
                column: "MarkedById");

            migrationBuilder.CreateIndex(
                name: "IX_key_practice_episodes_ReviewId",
                table: "key_practice_episodes",
                column: "ReviewId");

            migrationBuilder.AddForeignKey(
                name: "FK_reviews_AspNetUsers_ChronologySharedById",
                table: "reviews",
                column: "ChronologySharedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_reviews_AspNetUsers_ChronologySharedById",
                table: "reviews");

            migrationBuilder.DropTable(
                name: "chronology_entries");

            migrationBuilder.DropTable(
                name: "key_practice_episodes");

            migrationBuilder.DropTable(
                name: "agency_chronology_versions");

            migrationBuilder.DropTable(
                name: "agency_chronologies");

            migrationBuilder.DropIndex(
                name: "IX_reviews_ChronologySharedById",
                table: "reviews");

            migrationBuilder.DropColumn(
                name: "ChronologySharedAt",
                table: "reviews");

            migrationBuilder.DropColumn(
                name: "ChronologySharedById",
                table: "reviews");
        }
    }
}
