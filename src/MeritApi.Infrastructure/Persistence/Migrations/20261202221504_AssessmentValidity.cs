using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeritApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentValidity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "reference_date",
                table: "scoring_runs",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "accredited_bodies_only",
                table: "scoring_policies",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "assessment_validity_years",
                table: "scoring_policies",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "accreditations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    accredited_from = table.Column<DateOnly>(type: "date", nullable: false),
                    accredited_until = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accreditations", x => x.id);
                });

            migrationBuilder.UpdateData(
                table: "scoring_policies",
                keyColumn: "version",
                keyValue: 1,
                columns: new[] { "accredited_bodies_only", "assessment_validity_years" },
                values: new object[] { false, null });

            // One body, one period starting on a given day, whatever the case of its name: the race the handler's overlap
            // check cannot see (an expression index, which the model cannot declare).
            migrationBuilder.Sql("CREATE UNIQUE INDEX ix_accreditations_body_start ON accreditations (lower(name), accredited_from);");

            // The lawful-evidence policy (ScoringPolicy.CreateLawfulEvidence) as the next version: 2 on a new database, later
            // where an administrator has added versions since. New selections use the newest version by default; every
            // stored run keeps the version it was scored under. Kept in step with CreateLawfulEvidence by a test.
            migrationBuilder.Sql("""
                INSERT INTO scoring_policies (version, competence_weight, performance_weight, performance_year_weights, band_set,
                                              minimum_rating, description, near_tie_threshold, assessment_validity_years,
                                              accredited_bodies_only, created_at)
                SELECT COALESCE(max(version), 0) + 1, 0.5, 0.5, ARRAY[0.6, 0.4]::numeric(4,3)[], 'Filling', 'Good',
                       'Version 1 with lawful evidence: a competency assessment counts for 3 years from its date to the selection''s opening date (Peraturan BKN 26/2019 Art. 29(4)).',
                       0.5, 3, false, TIMESTAMPTZ '2026-12-02 00:00:00+00'
                FROM scoring_policies;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM scoring_policies WHERE assessment_validity_years IS NOT NULL;");

            migrationBuilder.DropTable(
                name: "accreditations");

            migrationBuilder.DropColumn(
                name: "reference_date",
                table: "scoring_runs");

            migrationBuilder.DropColumn(
                name: "accredited_bodies_only",
                table: "scoring_policies");

            migrationBuilder.DropColumn(
                name: "assessment_validity_years",
                table: "scoring_policies");

            migrationBuilder.UpdateData(
                table: "scoring_policies",
                keyColumn: "version",
                keyValue: 1,
                column: "performance_year_weights",
                value: new List<decimal> { 0.6m, 0.4m });
        }
    }
}
