using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scr.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LearningRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "learning_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BoardId = table.Column<Guid>(type: "uuid", nullable: false),
                    BoardKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Region = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IncidentDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Record = table.Column<string>(type: "text", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learning_reviews_organisations_BoardId",
                        column: x => x.BoardId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_learning_reviews_BoardId",
                table: "learning_reviews",
                column: "BoardId");

            migrationBuilder.CreateIndex(
                name: "IX_learning_reviews_BoardKey_Reference",
                table: "learning_reviews",
                columns: new[] { "BoardKey", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learning_reviews_IncidentDate",
                table: "learning_reviews",
                column: "IncidentDate");

            migrationBuilder.CreateIndex(
                name: "IX_learning_reviews_Region",
                table: "learning_reviews",
                column: "Region");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learning_reviews");
        }
    }
}
