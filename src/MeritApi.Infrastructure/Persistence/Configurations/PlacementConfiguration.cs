using MeritApi.Domain.Placement;
using MeritApi.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeritApi.Infrastructure.Persistence.Configurations;

internal sealed class PlacementPlanConfiguration : IEntityTypeConfiguration<PlacementPlan>
{
    public void Configure(EntityTypeBuilder<PlacementPlan> builder)
    {
        builder.ToTable("placement_plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        // Two plans racing take the same number; the second fails on this index as a 409 (concurrent-update).
        builder.HasIndex(p => p.Sequence).IsUnique();
        builder.HasOne<ScoringPolicy>().WithMany().HasForeignKey(p => p.PolicyVersion).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.MinimumBand).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.TotalMerit).HasPrecision(12, 2);
        builder.Property(p => p.Seal).HasMaxLength(64);
        // Stored in the very form it is sealed and published in (json keeps the text as written).
        builder.Property(p => p.Document).HasColumnType("json")
            .HasConversion(MappingJson.Converter<PlacementPlanDocument>(), MappingJson.Comparer<PlacementPlanDocument>());
    }
}

internal sealed class PlacementDecisionConfiguration : IEntityTypeConfiguration<PlacementDecision>
{
    public void Configure(EntityTypeBuilder<PlacementDecision> builder)
    {
        builder.ToTable("placement_decisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        // One decision per plan: a second racing the first fails here as a 409.
        builder.HasIndex(d => d.PlanId).IsUnique();
        builder.HasOne<PlacementPlan>().WithMany().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.DecidedBy).HasMaxLength(PlacementDecision.DecidedByMaxLength);
        builder.Property(d => d.Justification).HasMaxLength(PlacementDecision.JustificationMaxLength);
        builder.Property(d => d.Digest).HasMaxLength(64);
        builder.Ignore(d => d.HasDepartures);
        builder.Property(d => d.Placements).HasColumnType("json")
            .HasConversion(MappingJson.Converter<IReadOnlyList<DecidedPlacement>>(), MappingJson.Comparer<IReadOnlyList<DecidedPlacement>>());
        builder.Property(d => d.Departed).HasColumnType("json")
            .HasConversion(MappingJson.Converter<IReadOnlyList<DepartedPlacement>>(), MappingJson.Comparer<IReadOnlyList<DepartedPlacement>>());
    }
}
