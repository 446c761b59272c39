using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeritApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RankRobustness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing policy versions and runs keep the default threshold of DESIGN §4 (0.5 points); runs scored before
            // this have no gaps or sensitivity (NULL), which the API shows as not computed.
            migrationBuilder.AddColumn<decimal>(
                name: "near_tie_threshold",
                table: "scoring_runs",
                type: "numeric(4,2)",
                precision: 4,
                scale: 2,
                nullable: false,
                defaultValue: 0.5m);

            migrationBuilder.AddColumn<string>(
                name: "weight_sensitivity",
                table: "scoring_runs",
                type: "json",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "near_tie_threshold",
                table: "scoring_policies",
                type: "numeric(4,2)",
                precision: 4,
                scale: 2,
                nullable: false,
                defaultValue: 0.5m);

            migrationBuilder.AddColumn<decimal>(
                name: "gap_to_next_rank",
                table: "candidate_results",
                type: "numeric(5,2)",
                precision: 5,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "near_tie",
                table: "candidate_results",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "near_tie_threshold",
                table: "scoring_runs");

            migrationBuilder.DropColumn(
                name: "weight_sensitivity",
                table: "scoring_runs");

            migrationBuilder.DropColumn(
                name: "near_tie_threshold",
                table: "scoring_policies");

            migrationBuilder.DropColumn(
                name: "gap_to_next_rank",
                table: "candidate_results");

            migrationBuilder.DropColumn(
                name: "near_tie",
                table: "candidate_results");
        }
    }
}
