using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeritApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class IdentityReveal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "identities_revealed_at",
                table: "selections",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "identities_revealed_at",
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
