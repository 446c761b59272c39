using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeritApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class UniqueCompetencyAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_competency_assessments_employee_id_competency_code_assessed",
                table: "competency_assessments");

            // The same assessment stored twice (a retried POST) is one piece of evidence: keep the copy recorded last, so that
            // "the latest assessment of a competency" (by date, then by when recorded) stays the row it was.
            migrationBuilder.Sql("""
                DELETE FROM competency_assessments a
                USING competency_assessments b
                WHERE a.employee_id = b.employee_id AND a.competency_code = b.competency_code AND a.assessed_on = b.assessed_on
                  AND a.assessor = b.assessor AND a.level = b.level
                  AND (a.recorded_at, a.id) < (b.recorded_at, b.id);
                """);

            migrationBuilder.CreateIndex(
                name: "ix_competency_assessments_same_assessment",
                table: "competency_assessments",
                columns: new[] { "employee_id", "competency_code", "assessed_on", "assessor", "level" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_competency_assessments_same_assessment",
                table: "competency_assessments");

            migrationBuilder.UpdateData(
                table: "scoring_policies",
                keyColumn: "version",
                keyValue: 1,
                column: "performance_year_weights",
                value: new List<decimal> { 0.6m, 0.4m });

            migrationBuilder.CreateIndex(
                name: "ix_competency_assessments_employee_id_competency_code_assessed",
                table: "competency_assessments",
                columns: new[] { "employee_id", "competency_code", "assessed_on" });
        }
    }
}
