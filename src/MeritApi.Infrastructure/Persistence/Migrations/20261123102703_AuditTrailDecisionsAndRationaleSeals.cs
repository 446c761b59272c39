using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeritApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AuditTrailDecisionsAndRationaleSeals : Migration
    {
        private static readonly string[] AppendOnlyTables =
            ["audit_entries", "scoring_runs", "candidate_results", "selection_decisions", "decision_choices"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "minimum_grade",
                table: "scoring_runs",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "results_digest",
                table: "scoring_runs",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "rank_decided_by",
                table: "candidate_results",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "seal",
                table: "candidate_results",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    command = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    touched_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    request_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    body_digest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    outcome_digest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    previous_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "selection_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    selection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scoring_run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    places = table.Column<int>(type: "integer", nullable: false),
                    justification = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_selection_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_selection_decisions_scoring_runs_scoring_run_id",
                        column: x => x.scoring_run_id,
                        principalTable: "scoring_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_selection_decisions_selections_selection_id",
                        column: x => x.selection_id,
                        principalTable: "selections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "decision_choices",
                columns: table => new
                {
                    candidate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    candidate_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    merit_score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    standing = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_choices", x => new { x.decision_id, x.candidate_id });
                    table.ForeignKey(
                        name: "fk_decision_choices_candidates_candidate_id",
                        column: x => x.candidate_id,
                        principalTable: "candidates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_decision_choices_selection_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "selection_decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_actor",
                table: "audit_entries",
                column: "actor");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_occurred_at",
                table: "audit_entries",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_touched_ids",
                table: "audit_entries",
                column: "touched_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_decision_choices_candidate_id",
                table: "decision_choices",
                column: "candidate_id");

            migrationBuilder.CreateIndex(
                name: "ix_decision_choices_standing",
                table: "decision_choices",
                column: "standing");

            migrationBuilder.CreateIndex(
                name: "ix_selection_decisions_decided_at",
                table: "selection_decisions",
                column: "decided_at");

            migrationBuilder.CreateIndex(
                name: "ix_selection_decisions_scoring_run_id",
                table: "selection_decisions",
                column: "scoring_run_id");

            migrationBuilder.CreateIndex(
                name: "ix_selection_decisions_selection_id",
                table: "selection_decisions",
                column: "selection_id",
                unique: true);

            // The audit trail and everything a decision rests on are append-only, enforced by PostgreSQL itself
            // for every role the application connects as: rows can be added, never changed or removed.
            migrationBuilder.Sql("""
                CREATE FUNCTION refuse_change_of_append_only_rows() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% on % refused: rows of this table are append-only', TG_OP, TG_TABLE_NAME
                        USING ERRCODE = 'insufficient_privilege';
                END $$;
                """);
            foreach (var table in AppendOnlyTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
                        FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_rows();
                    CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
                        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only_rows();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in AppendOnlyTables)
                migrationBuilder.Sql($"DROP TRIGGER {table}_append_only ON {table}; DROP TRIGGER {table}_no_truncate ON {table};");
            migrationBuilder.Sql("DROP FUNCTION refuse_change_of_append_only_rows();");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "decision_choices");

            migrationBuilder.DropTable(
                name: "selection_decisions");

            migrationBuilder.DropColumn(
                name: "minimum_grade",
                table: "scoring_runs");

            migrationBuilder.DropColumn(
                name: "results_digest",
                table: "scoring_runs");

            migrationBuilder.DropColumn(
                name: "rank_decided_by",
                table: "candidate_results");

            migrationBuilder.DropColumn(
                name: "seal",
                table: "candidate_results");

            migrationBuilder.UpdateData(
                table: "scoring_policies",
                keyColumn: "version",
                keyValue: 1,
                column: "performance_year_weights",
                value: new List<decimal> { 0.6m, 0.4m });
        }
    }
}
