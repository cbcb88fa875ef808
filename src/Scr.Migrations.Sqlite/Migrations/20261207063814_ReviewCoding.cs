using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scr.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReviewCoding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "coding_settlements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LearningReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SettledById = table.Column<Guid>(type: "TEXT", nullable: false),
                    SettledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Choices = table.Column<string>(type: "TEXT", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coding_settlements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_coding_settlements_AspNetUsers_SettledById",
                        column: x => x.SettledById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_coding_settlements_learning_reviews_LearningReviewId",
                        column: x => x.LearningReviewId,
                        principalTable: "learning_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_codings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LearningReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Values = table.Column<string>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_codings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_review_codings_AspNetUsers_CoderId",
                        column: x => x.CoderId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_review_codings_learning_reviews_LearningReviewId",
                        column: x => x.LearningReviewId,
                        principalTable: "learning_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_coding_settlements_LearningReviewId",
                table: "coding_settlements",
                column: "LearningReviewId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_coding_settlements_SettledById",
                table: "coding_settlements",
                column: "SettledById");

            migrationBuilder.CreateIndex(
                name: "IX_review_codings_CoderId",
                table: "review_codings",
                column: "CoderId");

            migrationBuilder.CreateIndex(
                name: "IX_review_codings_LearningReviewId_CoderId",
                table: "review_codings",
                columns: new[] { "LearningReviewId", "CoderId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "coding_settlements");

            migrationBuilder.DropTable(
                name: "review_codings");
        }
    }
}
