using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace MeritApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "competencies",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true)
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
                    performance_year_weights = table.Column<List<decimal>>(type: "numeric(4,3)[]", nullable: false),
                    band_set = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    minimum_rating = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    latest_performance_year = table.Column<int>(type: "integer", nullable: false),
                    scored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    candidate_count = table.Column<int>(type: "integer", nullable: false),
                    eligible_count = table.Column<int>(type: "integer", nullable: false)
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
                name: "candidate_results",
                columns: table => new
                {
                    scoring_run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    candidate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    candidate_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    masked_nip = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    grade = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    jpm = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    jpm_band = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    competency_gaps = table.Column<string>(type: "jsonb", nullable: false),
                    performance_score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    performance_years = table.Column<string>(type: "jsonb", nullable: false),
                    latest_rating = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    merit_score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    talent_box = table.Column<int>(type: "integer", nullable: false),
                    eligible = table.Column<bool>(type: "boolean", nullable: false),
                    ineligibility_reasons = table.Column<string>(type: "jsonb", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_candidate_results", x => new { x.scoring_run_id, x.candidate_id });
                    table.ForeignKey(
                        name: "fk_candidate_results_candidates_candidate_id",
                        column: x => x.candidate_id,
                        principalTable: "candidates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_candidate_results_scoring_runs_scoring_run_id",
                        column: x => x.scoring_run_id,
                        principalTable: "scoring_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "ix_candidate_results_candidate_id",
                table: "candidate_results",
                column: "candidate_id");

            migrationBuilder.CreateIndex(
                name: "ix_candidate_results_scoring_run_id_rank",
                table: "candidate_results",
                columns: new[] { "scoring_run_id", "rank" });

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
                name: "ix_competency_assessments_employee_id_competency_code_assessed",
                table: "competency_assessments",
                columns: new[] { "employee_id", "competency_code", "assessed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_competency_requirements_competency_code",
                table: "competency_requirements",
                column: "competency_code");

            migrationBuilder.CreateIndex(
                name: "ix_employees_nip",
                table: "employees",
                column: "nip",
                unique: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "candidate_results");

            migrationBuilder.DropTable(
                name: "competency_assessments");

            migrationBuilder.DropTable(
                name: "competency_requirements");

            migrationBuilder.DropTable(
                name: "performance_ratings");

            migrationBuilder.DropTable(
                name: "candidates");

            migrationBuilder.DropTable(
                name: "scoring_runs");

            migrationBuilder.DropTable(
                name: "competencies");

            migrationBuilder.DropTable(
                name: "employees");

            migrationBuilder.DropTable(
                name: "selections");

            migrationBuilder.DropTable(
                name: "positions");

            migrationBuilder.DropTable(
                name: "scoring_policies");
        }
    }
}
