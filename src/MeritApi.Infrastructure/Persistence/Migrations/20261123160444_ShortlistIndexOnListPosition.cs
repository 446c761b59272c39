using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeritApi.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The shortlist index becomes (run, rank, list position), integers only, instead of (run, rank, merit desc, code): the
    /// same page order, but a 100,000-result COPY maintained the numeric and text keys of the old one in 0.35 s more. The
    /// results stored so far get their list position from the order the old index gave them (the code compared byte by
    /// byte, as the domain does); the append-only trigger is held off for that one backfill, inside this migration's
    /// transaction. The position is not part of a rationale, so no seal changes.
    /// </summary>
    public partial class ShortlistIndexOnListPosition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_candidate_results_scoring_run_id_rank_merit_score_candidate",
                table: "candidate_results");

            migrationBuilder.AddColumn<int>(
                name: "list_position",
                table: "candidate_results",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("""
                ALTER TABLE candidate_results DISABLE TRIGGER candidate_results_append_only;
                UPDATE candidate_results r SET list_position = listed.position
                FROM (SELECT scoring_run_id, candidate_id,
                             row_number() OVER (PARTITION BY scoring_run_id
                                                ORDER BY rank, merit_score DESC, candidate_code COLLATE "C") AS position
                      FROM candidate_results) listed
                WHERE r.scoring_run_id = listed.scoring_run_id AND r.candidate_id = listed.candidate_id;
                ALTER TABLE candidate_results ENABLE TRIGGER candidate_results_append_only;
                ALTER TABLE candidate_results ALTER COLUMN list_position DROP DEFAULT;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_candidate_results_scoring_run_id_rank_list_position",
                table: "candidate_results",
                columns: new[] { "scoring_run_id", "rank", "list_position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_candidate_results_scoring_run_id_rank_list_position",
                table: "candidate_results");

            migrationBuilder.DropColumn(
                name: "list_position",
                table: "candidate_results");

            migrationBuilder.CreateIndex(
                name: "ix_candidate_results_scoring_run_id_rank_merit_score_candidate",
                table: "candidate_results",
                columns: new[] { "scoring_run_id", "rank", "merit_score", "candidate_code" },
                descending: new[] { false, false, true, false });
        }
    }
}
