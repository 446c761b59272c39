using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeritApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TalentMappingRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "talent_mapping_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    policy_version = table.Column<int>(type: "integer", nullable: false),
                    reference_date = table.Column<DateOnly>(type: "date", nullable: false),
                    latest_performance_year = table.Column<int>(type: "integer", nullable: false),
                    mapped_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    placed_count = table.Column<int>(type: "integer", nullable: false),
                    unplaced_count = table.Column<int>(type: "integer", nullable: false),
                    talent_pool_count = table.Column<int>(type: "integer", nullable: false),
                    results_digest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    seal_scheme = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    units = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_talent_mapping_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_talent_mapping_runs_scoring_policies_policy_version",
                        column: x => x.policy_version,
                        principalTable: "scoring_policies",
                        principalColumn: "version",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "talent_mapping_exclusions",
                columns: table => new
                {
                    mapping_run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reasons = table.Column<string>(type: "json", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_talent_mapping_exclusions", x => new { x.mapping_run_id, x.employee_id });
                    table.ForeignKey(
                        name: "fk_talent_mapping_exclusions_employees_employee_id",
                        column: x => x.employee_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_talent_mapping_exclusions_talent_mapping_runs_mapping_run_id",
                        column: x => x.mapping_run_id,
                        principalTable: "talent_mapping_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "talent_mapping_placements",
                columns: table => new
                {
                    mapping_run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    position_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    jpm = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    jpm_band = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    performance_score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    total = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    talent_box = table.Column<int>(type: "integer", nullable: false),
                    in_talent_pool = table.Column<bool>(type: "boolean", nullable: false),
                    rationale = table.Column<string>(type: "json", nullable: false),
                    seal = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_talent_mapping_placements", x => new { x.mapping_run_id, x.employee_id });
                    table.ForeignKey(
                        name: "fk_talent_mapping_placements_employees_employee_id",
                        column: x => x.employee_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_talent_mapping_placements_talent_mapping_runs_mapping_run_id",
                        column: x => x.mapping_run_id,
                        principalTable: "talent_mapping_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_talent_mapping_exclusions_employee_id",
                table: "talent_mapping_exclusions",
                column: "employee_id");

            migrationBuilder.CreateIndex(
                name: "ix_talent_mapping_placements_employee_id",
                table: "talent_mapping_placements",
                column: "employee_id");

            migrationBuilder.CreateIndex(
                name: "ix_talent_mapping_placements_mapping_run_id_talent_box",
                table: "talent_mapping_placements",
                columns: new[] { "mapping_run_id", "talent_box" });

            migrationBuilder.CreateIndex(
                name: "ix_talent_mapping_runs_policy_version",
                table: "talent_mapping_runs",
                column: "policy_version");

            migrationBuilder.CreateIndex(
                name: "ix_talent_mapping_runs_sequence",
                table: "talent_mapping_runs",
                column: "sequence",
                unique: true);

            Sql.MigrationSql.Run(migrationBuilder, "talent_mapping_append_only.sql");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "talent_mapping_exclusions");

            migrationBuilder.DropTable(
                name: "talent_mapping_placements");

            migrationBuilder.DropTable(
                name: "talent_mapping_runs");

            migrationBuilder.UpdateData(
                table: "scoring_policies",
                keyColumn: "version",
                keyValue: 1,
                column: "performance_year_weights",
                value: new List<decimal> { 0.6m, 0.4m });
        }
    }
}
