using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeritApi.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// A mapping run stores its placements and exclusions batch by batch and its own row last, once its counts and digest are
    /// final: their foreign keys to the run are checked at commit.
    /// </summary>
    public partial class MappingRunForeignKeysDeferred : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE talent_mapping_placements ALTER CONSTRAINT fk_talent_mapping_placements_talent_mapping_runs_mapping_run_id
                    DEFERRABLE INITIALLY DEFERRED;
                ALTER TABLE talent_mapping_exclusions ALTER CONSTRAINT fk_talent_mapping_exclusions_talent_mapping_runs_mapping_run_id
                    DEFERRABLE INITIALLY DEFERRED;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE talent_mapping_placements ALTER CONSTRAINT fk_talent_mapping_placements_talent_mapping_runs_mapping_run_id
                    NOT DEFERRABLE;
                ALTER TABLE talent_mapping_exclusions ALTER CONSTRAINT fk_talent_mapping_exclusions_talent_mapping_runs_mapping_run_id
                    NOT DEFERRABLE;
                """);
        }
    }
}
