using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeritApi.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Canonical form version 2 and the Merkle tree log: every scoring run and audit entry names its scheme (those before
    /// this migration are version 1, and keep verifying as such), and the log's signed checkpoints are stored, append-only.
    /// </summary>
    public partial class TransparencyLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "seal_scheme",
                table: "scoring_runs",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "meritapi-seal-v1");

            migrationBuilder.AddColumn<string>(
                name: "scheme",
                table: "audit_entries",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "meritapi-entry-v1");

            // The defaults only name the scheme of the rows that already exist; every new row states its own.
            migrationBuilder.Sql("ALTER TABLE scoring_runs ALTER COLUMN seal_scheme DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE audit_entries ALTER COLUMN scheme DROP DEFAULT;");

            migrationBuilder.CreateTable(
                name: "audit_checkpoints",
                columns: table => new
                {
                    tree_size = table.Column<long>(type: "bigint", nullable: false),
                    root_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    origin = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    key_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    signature = table.Column<byte[]>(type: "bytea", nullable: false),
                    frontier = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_checkpoints", x => x.tree_size);
                });
            Sql.MigrationSql.Run(migrationBuilder, "audit_checkpoints_append_only.sql");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_checkpoints");

            migrationBuilder.DropColumn(
                name: "seal_scheme",
                table: "scoring_runs");

            migrationBuilder.DropColumn(
                name: "scheme",
                table: "audit_entries");
        }
    }
}
