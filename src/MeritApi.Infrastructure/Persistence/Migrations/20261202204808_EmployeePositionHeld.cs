using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeritApi.Infrastructure.Persistence.Migrations
{
    /// <summary>The position an employee holds (a registered position) and the day they took it up, both optional.</summary>
    public partial class EmployeePositionHeld : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "current_position_id",
                table: "employees",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "in_position_since",
                table: "employees",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_employees_current_position_id",
                table: "employees",
                column: "current_position_id");

            migrationBuilder.AddForeignKey(
                name: "fk_employees_positions_current_position_id",
                table: "employees",
                column: "current_position_id",
                principalTable: "positions",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_employees_positions_current_position_id",
                table: "employees");

            migrationBuilder.DropIndex(
                name: "ix_employees_current_position_id",
                table: "employees");

            migrationBuilder.DropColumn(
                name: "current_position_id",
                table: "employees");

            migrationBuilder.DropColumn(
                name: "in_position_since",
                table: "employees");
        }
    }
}
