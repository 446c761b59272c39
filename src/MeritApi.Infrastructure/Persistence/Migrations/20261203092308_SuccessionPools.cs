using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeritApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SuccessionPools : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "succession_pool_id",
                table: "selections",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "succession_pools",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    target_position_id = table.Column<Guid>(type: "uuid", nullable: false),
                    target_position_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    vacant_on = table.Column<DateOnly>(type: "date", nullable: true),
                    mapping_run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mapping_run_sequence = table.Column<int>(type: "integer", nullable: false),
                    reference_date = table.Column<DateOnly>(type: "date", nullable: false),
                    policy_version = table.Column<int>(type: "integer", nullable: false),
                    formed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_succession_pools", x => x.id);
                    table.ForeignKey(
                        name: "fk_succession_pools_positions_target_position_id",
                        column: x => x.target_position_id,
                        principalTable: "positions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_succession_pools_scoring_policies_policy_version",
                        column: x => x.policy_version,
                        principalTable: "scoring_policies",
                        principalColumn: "version",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_succession_pools_talent_mapping_runs_mapping_run_id",
                        column: x => x.mapping_run_id,
                        principalTable: "talent_mapping_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "succession_members",
                columns: table => new
                {
                    pool_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    talent_box = table.Column<int>(type: "integer", nullable: false),
                    mapping_total = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    target_jpm = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    readiness = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    gaps = table.Column<string>(type: "json", nullable: false),
                    ineligibility_reasons = table.Column<string>(type: "json", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    steps = table.Column<string>(type: "json", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_succession_members", x => new { x.pool_id, x.employee_id });
                    table.ForeignKey(
                        name: "fk_succession_members_employees_employee_id",
                        column: x => x.employee_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_succession_members_succession_pools_pool_id",
                        column: x => x.pool_id,
                        principalTable: "succession_pools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_selections_succession_pool_id",
                table: "selections",
                column: "succession_pool_id");

            migrationBuilder.CreateIndex(
                name: "ix_succession_members_employee_id",
                table: "succession_members",
                column: "employee_id");

            migrationBuilder.CreateIndex(
                name: "ix_succession_pools_mapping_run_id",
                table: "succession_pools",
                column: "mapping_run_id");

            migrationBuilder.CreateIndex(
                name: "ix_succession_pools_policy_version",
                table: "succession_pools",
                column: "policy_version");

            migrationBuilder.CreateIndex(
                name: "ix_succession_pools_target_position_id",
                table: "succession_pools",
                column: "target_position_id");

            migrationBuilder.AddForeignKey(
                name: "fk_selections_succession_pools_succession_pool_id",
                table: "selections",
                column: "succession_pool_id",
                principalTable: "succession_pools",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_selections_succession_pools_succession_pool_id",
                table: "selections");

            migrationBuilder.DropTable(
                name: "succession_members");

            migrationBuilder.DropTable(
                name: "succession_pools");

            migrationBuilder.DropIndex(
                name: "ix_selections_succession_pool_id",
                table: "selections");

            migrationBuilder.DropColumn(
                name: "succession_pool_id",
                table: "selections");

            migrationBuilder.UpdateData(
                table: "scoring_policies",
                keyColumn: "version",
                keyValue: 1,
                column: "performance_year_weights",
                value: new List<decimal> { 0.6m, 0.4m });
        }
    }
}
