using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scr.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LinkLearningReviewsToReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ReviewId",
                table: "learning_reviews",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_learning_reviews_ReviewId",
                table: "learning_reviews",
                column: "ReviewId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_learning_reviews_ReviewId",
                table: "learning_reviews");

            migrationBuilder.DropColumn(
                name: "ReviewId",
                table: "learning_reviews");
        }
    }
}
