using MeritApi.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeritApi.Infrastructure.Persistence.Configurations;

internal sealed class AccreditationConfiguration : IEntityTypeConfiguration<Domain.AssessingBodies.Accreditation>
{
    public void Configure(EntityTypeBuilder<Domain.AssessingBodies.Accreditation> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(Domain.AssessingBodies.Accreditation.NameMaxLength);
        // The race the overlap check cannot see, two periods of one body starting on the same day, is stopped by the unique
        // index ix_accreditations_body_start on (lower(name), accredited_from), created by migration AssessmentValidity (an
        // expression index, which the model cannot declare).
    }
}

internal sealed class ScoringPolicyConfiguration : IEntityTypeConfiguration<ScoringPolicy>
{
    /// <summary>When version 1 came into force; a constant so the seed never changes between migrations.</summary>
    private static readonly DateTimeOffset DefaultPolicyCreatedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public void Configure(EntityTypeBuilder<ScoringPolicy> builder)
    {
        builder.HasKey(p => p.Version);
        builder.Property(p => p.Version).ValueGeneratedNever();
        builder.Property(p => p.CompetenceWeight).HasPrecision(4, 3);
        builder.Property(p => p.PerformanceWeight).HasPrecision(4, 3);
        builder.Property(p => p.NearTieThreshold).HasPrecision(4, 2);
        // The weights live in a private list so a loaded policy cannot be changed; compared by content so the
        // seeded version 1 does not look changed every time the model is built.
        builder.Ignore(p => p.PerformanceYearWeights);
        builder.Property<List<decimal>>("_performanceYearWeights").HasColumnName("performance_year_weights")
            .HasColumnType("numeric(4,3)[]")
            .Metadata.SetValueComparer(new ValueComparer<List<decimal>>(
                (a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, HashCode.Combine), v => v.ToList()));
        builder.Property(p => p.Description).HasMaxLength(ScoringPolicy.DescriptionMaxLength);
        builder.Ignore(p => p.CountedYears);
        builder.Ignore(p => p.AssessmentValidity);
        builder.HasData(ScoringPolicy.CreateDefault(DefaultPolicyCreatedAt));
    }
}
