using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeritApi.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Revision counters on positions and employees: changing a standard or the evidence (rows of their own) now updates
    /// the aggregate's row, so its xmin, the ETag If-Match names, follows every change.
    /// </summary>
    public partial class AggregateRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "standard_revision",
                table: "positions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "revision",
                table: "employees",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "standard_revision",
                table: "positions");

            migrationBuilder.DropColumn(
                name: "revision",
                table: "employees");
        }
    }
}
