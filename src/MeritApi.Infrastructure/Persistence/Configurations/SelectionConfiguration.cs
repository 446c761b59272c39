using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Selections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeritApi.Infrastructure.Persistence.Configurations;

internal sealed class SelectionConfiguration : IEntityTypeConfiguration<Selection>
{
    public void Configure(EntityTypeBuilder<Selection> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Reference).HasMaxLength(Selection.ReferenceMaxLength);
        // Enrolments and scoring runs both bump counters on this row; the token serialises them.
        builder.Property<uint>("Version").IsRowVersion();
        builder.HasOne<Position>().WithMany().HasForeignKey(s => s.PositionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ScoringPolicy>().WithMany().HasForeignKey(s => s.PolicyVersion).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.OpenedAt);
        builder.HasOne<Domain.Succession.SuccessionPool>().WithMany().HasForeignKey(s => s.SuccessionPoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Code).HasMaxLength(16);
        builder.HasOne<Selection>().WithMany().HasForeignKey(c => c.SelectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(c => c.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.SelectionId, c.EmployeeId }).IsUnique();
        builder.HasIndex(c => new { c.SelectionId, c.Number }).IsUnique();
    }
}

internal sealed class ScoringRunConfiguration : IEntityTypeConfiguration<ScoringRun>
{
    public void Configure(EntityTypeBuilder<ScoringRun> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Selection>().WithMany().HasForeignKey(r => r.SelectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.SelectionId, r.Sequence }).IsUnique();
        // Results are written in bulk (ScoringRunWriter) and read by query, never through this navigation. Their references
        // to the run and to candidates are checked once per statement by a trigger, not per row by foreign keys: a national
        // run inserts 100,000 results, and row-by-row checks were half the cost of storing them (migration
        // ResultReferencesCheckedPerStatement).
        builder.Ignore(r => r.Results);
        builder.Property(r => r.ResultsDigest).HasMaxLength(64).IsFixedLength();
        builder.Property(r => r.SealScheme).HasMaxLength(40);
        builder.Property(r => r.NearTieThreshold).HasPrecision(4, 2);
        builder.Property(r => r.WeightSensitivity).HasColumnType("json").HasConversion(JsonColumn.Document<WeightSensitivity>());
    }
}

internal sealed class CandidateResultConfiguration : IEntityTypeConfiguration<CandidateResult>
{
    public void Configure(EntityTypeBuilder<CandidateResult> builder)
    {
        builder.HasKey(r => new { r.ScoringRunId, r.CandidateId });
        // A shortlist page is a range scan of this index, in exactly the shortlist's order (ranked first, NULL ranks last
        // as PostgreSQL sorts them ascending; the list position orders each rank and the unranked): no sort, however
        // large the run. Integer keys only, which a 100,000-row COPY maintains at a fraction of the cost of the numeric
        // and text keys of the (run, rank, merit desc, code) index it replaced (migration ShortlistIndexOnListPosition).
        builder.HasIndex(r => new { r.ScoringRunId, r.Rank, r.ListPosition });
        builder.Property(r => r.CandidateCode).HasMaxLength(16);
        builder.Property(r => r.Jpm).HasPrecision(5, 2);
        builder.Property(r => r.PerformanceScore).HasPrecision(5, 2);
        builder.Property(r => r.MeritScore).HasPrecision(5, 2);
        builder.Property(r => r.GapToNextRank).HasPrecision(5, 2);
        builder.Property(r => r.Seal).HasMaxLength(64).IsFixedLength();
        // json, not jsonb: the lists are stored once and read back whole, never queried inside; json only checks the
        // text where jsonb parses it into a tree, which was 0.9 s of the 1.4 s PostgreSQL took to insert a 100,000-candidate
        // run (migration ResultEvidenceAsJsonText), and the text is also smaller than jsonb's form of these short arrays.
        builder.Property(r => r.CompetencyGaps).HasColumnType("json")
            .HasConversion(JsonColumn.Converter<CompetencyGap>(), JsonColumn.Comparer<CompetencyGap>());
        builder.Property(r => r.PerformanceYears).HasColumnType("json")
            .HasConversion(JsonColumn.Converter<CountedYear>(), JsonColumn.Comparer<CountedYear>());
        builder.Property(r => r.IneligibilityReasons).HasColumnType("json")
            .HasConversion(JsonColumn.Converter<IneligibilityReason>(), JsonColumn.Comparer<IneligibilityReason>());
    }
}
