using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeritApi.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Rewrites stored result evidence from objects to compact arrays (<c>["M-INTEGRITY", 3, 2]</c>,
    /// <c>[2025, 0.6, "VeryGood"]</c>): a national run stores 100,000 rows, and repeating property names and derived
    /// figures in each made the rows four times larger. The content, and so every seal, is unchanged. The append-only
    /// triggers are lifted for this one rewrite and restored in the same transaction.
    /// </summary>
    public partial class CompactResultEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
            ALTER TABLE candidate_results DISABLE TRIGGER candidate_results_append_only;
            UPDATE candidate_results SET
                competency_gaps = (SELECT coalesce(jsonb_agg(jsonb_build_array(g->'competencyCode', g->'requiredLevel', g->'assessedLevel') ORDER BY n), '[]')
                                   FROM jsonb_array_elements(competency_gaps) WITH ORDINALITY AS e(g, n)),
                performance_years = (SELECT coalesce(jsonb_agg(jsonb_build_array(y->'year', y->'weight', y->'rating') ORDER BY n), '[]')
                                     FROM jsonb_array_elements(performance_years) WITH ORDINALITY AS e(y, n))
            WHERE jsonb_typeof(competency_gaps -> 0) = 'object' OR jsonb_typeof(performance_years -> 0) = 'object';
            ALTER TABLE candidate_results ENABLE TRIGGER candidate_results_append_only;
            """);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
            ALTER TABLE candidate_results DISABLE TRIGGER candidate_results_append_only;
            UPDATE candidate_results SET
                competency_gaps = (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                        'competencyCode', g->0, 'requiredLevel', g->1, 'assessedLevel', g->2,
                                        'gap', coalesce((g->>2)::int, 0) - (g->>1)::int,
                                        'creditedLevel', least(coalesce((g->>2)::int, 0), (g->>1)::int)) ORDER BY n), '[]')
                                   FROM jsonb_array_elements(competency_gaps) WITH ORDINALITY AS e(g, n)),
                performance_years = (SELECT coalesce(jsonb_agg(jsonb_build_object('year', y->0, 'weight', y->1, 'rating', y->2) ORDER BY n), '[]')
                                     FROM jsonb_array_elements(performance_years) WITH ORDINALITY AS e(y, n))
            WHERE jsonb_typeof(competency_gaps -> 0) = 'array' OR jsonb_typeof(performance_years -> 0) = 'array';
            ALTER TABLE candidate_results ENABLE TRIGGER candidate_results_append_only;
            """);
    }
}
