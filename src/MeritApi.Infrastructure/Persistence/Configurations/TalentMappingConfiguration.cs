using System.Text.Json;
using MeritApi.Application.TalentMapping;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.TalentMapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MeritApi.Infrastructure.Persistence.Configurations;

internal sealed class TalentMappingRunConfiguration : IEntityTypeConfiguration<TalentMappingRun>
{
    public void Configure(EntityTypeBuilder<TalentMappingRun> builder)
    {
        builder.ToTable("talent_mapping_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        // Two runs racing take the same number; the second fails on this index as a 409 (concurrent-update).
        builder.HasIndex(r => r.Sequence).IsUnique();
        builder.HasOne<ScoringPolicy>().WithMany().HasForeignKey(r => r.PolicyVersion).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.Units);
        builder.Property<List<string>>("_units").HasColumnName("units").HasColumnType("text[]");
        builder.Property(r => r.ResultsDigest).HasMaxLength(64);
        builder.Property(r => r.SealScheme).HasMaxLength(32);
        builder.Ignore(r => r.Placements);
        builder.Ignore(r => r.Exclusions);
    }
}

internal sealed class MappingPlacementConfiguration : IEntityTypeConfiguration<MappingPlacement>
{
    public void Configure(EntityTypeBuilder<MappingPlacement> builder)
    {
        builder.ToTable("talent_mapping_placements");
        builder.HasKey(p => new { p.MappingRunId, p.EmployeeId });
        builder.HasOne<TalentMappingRun>().WithMany().HasForeignKey(p => p.MappingRunId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(p => p.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.MappingRunId, p.TalentBox });
        builder.HasIndex(p => p.EmployeeId);
        builder.Property(p => p.Unit).HasMaxLength(Employee.UnitMaxLength);
        builder.Property(p => p.PositionCode).HasMaxLength(Position.CodeMaxLength);
        builder.Property(p => p.Jpm).HasPrecision(5, 2);
        builder.Property(p => p.PerformanceScore).HasPrecision(5, 2);
        builder.Property(p => p.Total).HasPrecision(5, 2);
        builder.Property(p => p.JpmBand).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Rationale).HasColumnType("json").HasConversion(MappingJson.Converter<MappingRationale>(), MappingJson.Comparer<MappingRationale>());
        builder.Ignore(p => p.Seal);
        // The seal also as a column of its own (as a scoring run's results have): the run digest is recomputed from these
        // without reading a rationale, and a rationale edited without its seal column, or the reverse, shows.
        builder.Property<string>(MappingPlacementColumns.StoredSeal).HasColumnName("seal").HasMaxLength(64).IsRequired();
    }
}

internal sealed class MappingExclusionConfiguration : IEntityTypeConfiguration<MappingExclusion>
{
    public void Configure(EntityTypeBuilder<MappingExclusion> builder)
    {
        builder.ToTable("talent_mapping_exclusions");
        builder.HasKey(x => new { x.MappingRunId, x.EmployeeId });
        builder.HasOne<TalentMappingRun>().WithMany().HasForeignKey(x => x.MappingRunId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Unit).HasMaxLength(Employee.UnitMaxLength);
        builder.Property(x => x.Reasons).HasColumnType("json")
            .HasConversion(MappingJson.Converter<IReadOnlyList<UnplacedDetail>>(), MappingJson.Comparer<IReadOnlyList<UnplacedDetail>>());
    }
}

/// <summary>
/// A placement's rationale is stored exactly in the form it is sealed and published in (<see cref="MappingSeal.Json"/>), so
/// what is read back reseals to the same value. Stored rows never change, so comparing serialised forms is enough.
/// </summary>
internal static class MappingJson
{
    public static ValueConverter<T, string> Converter<T>() where T : class =>
        new(v => JsonSerializer.Serialize(v, MappingSeal.Json), s => JsonSerializer.Deserialize<T>(s, MappingSeal.Json)!);

    public static ValueComparer<T> Comparer<T>() where T : class =>
        new((a, b) => JsonSerializer.Serialize(a, MappingSeal.Json) == JsonSerializer.Serialize(b, MappingSeal.Json),
            v => JsonSerializer.Serialize(v, MappingSeal.Json).GetHashCode(StringComparison.Ordinal), v => v);
}
