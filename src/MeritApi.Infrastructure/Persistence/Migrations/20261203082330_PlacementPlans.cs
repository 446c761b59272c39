using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeritApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PlacementPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "placement_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    policy_version = table.Column<int>(type: "integer", nullable: false),
                    reference_date = table.Column<DateOnly>(type: "date", nullable: false),
                    minimum_band = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    vacancy_count = table.Column<int>(type: "integer", nullable: false),
                    seat_count = table.Column<int>(type: "integer", nullable: false),
                    filled_seats = table.Column<int>(type: "integer", nullable: false),
                    candidate_count = table.Column<int>(type: "integer", nullable: false),
                    total_merit = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    document = table.Column<string>(type: "json", nullable: false),
                    seal = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_placement_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_placement_plans_scoring_policies_policy_version",
                        column: x => x.policy_version,
                        principalTable: "scoring_policies",
                        principalColumn: "version",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "placement_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    justification = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    placements = table.Column<string>(type: "json", nullable: false),
                    departed = table.Column<string>(type: "json", nullable: false),
                    followed = table.Column<int>(type: "integer", nullable: false),
                    departures = table.Column<int>(type: "integer", nullable: false),
                    digest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_placement_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_placement_decisions_placement_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "placement_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_placement_decisions_plan_id",
                table: "placement_decisions",
                column: "plan_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_placement_plans_policy_version",
                table: "placement_plans",
                column: "policy_version");

            migrationBuilder.CreateIndex(
                name: "ix_placement_plans_sequence",
                table: "placement_plans",
                column: "sequence",
                unique: true);

            Sql.MigrationSql.Run(migrationBuilder, "placement_append_only.sql");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "placement_decisions");

            migrationBuilder.DropTable(
                name: "placement_plans");

            migrationBuilder.UpdateData(
                table: "scoring_policies",
                keyColumn: "version",
                keyValue: 1,
                column: "performance_year_weights",
                value: new List<decimal> { 0.6m, 0.4m });
        }
    }
}
