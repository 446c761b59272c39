using System;
using System.Collections.Generic;
using MeritApi.Infrastructure.Persistence.Migrations.Sql;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace MeritApi.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The whole schema in one migration (the development history of 2026-11-23 to 2026-12-01 squashed before the first
    /// release). A database created by that history is recognised and carried over by <see cref="Roles.DatabaseMigrator"/>.
    /// </summary>
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "candidate_results",
                columns: table => new
                {
                    scoring_run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    candidate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    candidate_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    grade = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    jpm = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    jpm_band = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    competency_gaps = table.Column<string>(type: "json", nullable: false),
                    performance_score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    performance_years = table.Column<string>(type: "json", nullable: false),
                    latest_rating = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    merit_score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    talent_box = table.Column<int>(type: "integer", nullable: false),
                    eligible = table.Column<bool>(type: "boolean", nullable: false),
                    ineligibility_reasons = table.Column<string>(type: "json", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: true),
                    rank_decided_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    list_position = table.Column<int>(type: "integer", nullable: false),
                    seal = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_candidate_results", x => new { x.scoring_run_id, x.candidate_id });
                });

            migrationBuilder.CreateTable(
                name: "competencies",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    vocabulary_exemption_terms = table.Column<string[]>(type: "text[]", nullable: true),
                    vocabulary_exemption_justification = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    vocabulary_exemption_approved_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    vocabulary_exemption_approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_competencies", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "employees",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    nip = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    grade = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    unit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employees", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    client = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    request_fingerprint = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    response = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_keys", x => new { x.client, x.key });
                });

            migrationBuilder.CreateTable(
                name: "positions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    minimum_grade = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_positions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "scoring_policies",
                columns: table => new
                {
                    version = table.Column<int>(type: "integer", nullable: false),
                    competence_weight = table.Column<decimal>(type: "numeric(4,3)", precision: 4, scale: 3, nullable: false),
                    performance_weight = table.Column<decimal>(type: "numeric(4,3)", precision: 4, scale: 3, nullable: false),
                    band_set = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    minimum_rating = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    performance_year_weights = table.Column<List<decimal>>(type: "numeric(4,3)[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scoring_policies", x => x.version);
                });

            migrationBuilder.CreateTable(
                name: "competency_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    competency_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    assessor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_competency_assessments", x => x.id);
                    table.CheckConstraint("ck_competency_assessments_level", "level BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_competency_assessments_competencies_competency_code",
                        column: x => x.competency_code,
                        principalTable: "competencies",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_competency_assessments_employees_employee_id",
                        column: x => x.employee_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "performance_ratings",
                columns: table => new
                {
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    rating = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_performance_ratings", x => new { x.employee_id, x.year });
                    table.ForeignKey(
                        name: "fk_performance_ratings_employees_employee_id",
                        column: x => x.employee_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "competency_requirements",
                columns: table => new
                {
                    competency_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    position_id = table.Column<Guid>(type: "uuid", nullable: false),
                    required_level = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_competency_requirements", x => new { x.position_id, x.competency_code });
                    table.CheckConstraint("ck_competency_requirements_level", "required_level BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_competency_requirements_competencies_competency_code",
                        column: x => x.competency_code,
                        principalTable: "competencies",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_competency_requirements_positions_position_id",
                        column: x => x.position_id,
                        principalTable: "positions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "selections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    position_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    places = table.Column<int>(type: "integer", nullable: false),
                    policy_version = table.Column<int>(type: "integer", nullable: false),
                    latest_performance_year = table.Column<int>(type: "integer", nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    candidate_count = table.Column<int>(type: "integer", nullable: false),
                    identities_revealed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    scoring_run_count = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_selections", x => x.id);
                    table.ForeignKey(
                        name: "fk_selections_positions_position_id",
                        column: x => x.position_id,
                        principalTable: "positions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_selections_scoring_policies_policy_version",
                        column: x => x.policy_version,
                        principalTable: "scoring_policies",
                        principalColumn: "version",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "candidates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    selection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    enrolled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_candidates", x => x.id);
                    table.ForeignKey(
                        name: "fk_candidates_employees_employee_id",
                        column: x => x.employee_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_candidates_selections_selection_id",
                        column: x => x.selection_id,
                        principalTable: "selections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "scoring_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    selection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    policy_version = table.Column<int>(type: "integer", nullable: false),
                    minimum_grade = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    latest_performance_year = table.Column<int>(type: "integer", nullable: false),
                    scored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    candidate_count = table.Column<int>(type: "integer", nullable: false),
                    eligible_count = table.Column<int>(type: "integer", nullable: false),
                    results_digest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scoring_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_scoring_runs_selections_selection_id",
                        column: x => x.selection_id,
                        principalTable: "selections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
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

            migrationBuilder.InsertData(
                table: "competencies",
                columns: new[] { "code", "category", "description", "name" },
                values: new object[,]
                {
                    { "M-CHANGE", "Managerial", null, "Managing change (Mengelola perubahan)" },
                    { "M-COMMUNICATION", "Managerial", null, "Communication (Komunikasi)" },
                    { "M-COOPERATION", "Managerial", null, "Cooperation (Kerja sama)" },
                    { "M-DECISION", "Managerial", null, "Decision making (Pengambilan keputusan)" },
                    { "M-DEVELOPMENT", "Managerial", null, "Developing self and others (Pengembangan diri dan orang lain)" },
                    { "M-INTEGRITY", "Managerial", null, "Integrity (Integritas)" },
                    { "M-PUBLIC-SERVICE", "Managerial", null, "Public service (Pelayanan publik)" },
                    { "M-RESULTS", "Managerial", null, "Results orientation (Orientasi pada hasil)" },
                    { "SC-NATIONAL-UNITY", "SocioCultural", null, "National unity (Perekat bangsa)" }
                });

            migrationBuilder.InsertData(
                table: "scoring_policies",
                columns: new[] { "version", "band_set", "competence_weight", "created_at", "description", "minimum_rating", "performance_weight", "performance_year_weights" },
                values: new object[] { 1, "Filling", 0.5m, new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "Default policy: competence 0.5, performance 0.5; two SKP years weighted 0.6 (latest) and 0.4; Filling bands; each counted year at least Good.", "Good", 0.5m, new List<decimal> { 0.6m, 0.4m } });

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
                name: "ix_candidate_results_scoring_run_id_rank_list_position",
                table: "candidate_results",
                columns: new[] { "scoring_run_id", "rank", "list_position" });

            migrationBuilder.CreateIndex(
                name: "ix_candidates_employee_id",
                table: "candidates",
                column: "employee_id");

            migrationBuilder.CreateIndex(
                name: "ix_candidates_selection_id_employee_id",
                table: "candidates",
                columns: new[] { "selection_id", "employee_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_candidates_selection_id_number",
                table: "candidates",
                columns: new[] { "selection_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_competency_assessments_competency_code",
                table: "competency_assessments",
                column: "competency_code");

            migrationBuilder.CreateIndex(
                name: "ix_competency_assessments_same_assessment",
                table: "competency_assessments",
                columns: new[] { "employee_id", "competency_code", "assessed_on", "assessor", "level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_competency_requirements_competency_code",
                table: "competency_requirements",
                column: "competency_code");

            migrationBuilder.CreateIndex(
                name: "ix_decision_choices_candidate_id",
                table: "decision_choices",
                column: "candidate_id");

            migrationBuilder.CreateIndex(
                name: "ix_decision_choices_standing",
                table: "decision_choices",
                column: "standing");

            migrationBuilder.CreateIndex(
                name: "ix_employees_nip",
                table: "employees",
                column: "nip",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_expires_at",
                table: "idempotency_keys",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_positions_code",
                table: "positions",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scoring_runs_selection_id_sequence",
                table: "scoring_runs",
                columns: new[] { "selection_id", "sequence" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_selections_opened_at",
                table: "selections",
                column: "opened_at");

            migrationBuilder.CreateIndex(
                name: "ix_selections_policy_version",
                table: "selections",
                column: "policy_version");

            migrationBuilder.CreateIndex(
                name: "ix_selections_position_id",
                table: "selections",
                column: "position_id");

            MigrationSql.Run(migrationBuilder, "append_only.sql");
            MigrationSql.Run(migrationBuilder, "candidate_result_references.sql");
            MigrationSql.Run(migrationBuilder, "shortlist_statistics.sql");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "candidate_results");

            migrationBuilder.DropTable(
                name: "competency_assessments");

            migrationBuilder.DropTable(
                name: "competency_requirements");

            migrationBuilder.DropTable(
                name: "decision_choices");

            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropTable(
                name: "performance_ratings");

            migrationBuilder.DropTable(
                name: "competencies");

            migrationBuilder.DropTable(
                name: "candidates");

            migrationBuilder.DropTable(
                name: "selection_decisions");

            migrationBuilder.DropTable(
                name: "employees");

            migrationBuilder.DropTable(
                name: "scoring_runs");

            migrationBuilder.DropTable(
                name: "selections");

            migrationBuilder.DropTable(
                name: "positions");

            migrationBuilder.DropTable(
                name: "scoring_policies");

            migrationBuilder.Sql("""
                DROP FUNCTION refuse_change_of_append_only_rows();
                DROP FUNCTION check_candidate_result_references();
                DROP FUNCTION refuse_change_of_scored_candidates();
                """);
        }
    }
}
