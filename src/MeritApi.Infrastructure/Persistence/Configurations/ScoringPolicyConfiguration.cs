using MeritApi.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeritApi.Infrastructure.Persistence.Configurations;

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
        builder.HasData(ScoringPolicy.CreateDefault(DefaultPolicyCreatedAt));
    }
}
