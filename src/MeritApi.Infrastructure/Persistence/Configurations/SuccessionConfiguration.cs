using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Succession;
using MeritApi.Domain.TalentMapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeritApi.Infrastructure.Persistence.Configurations;

internal sealed class SuccessionPoolConfiguration : IEntityTypeConfiguration<SuccessionPool>
{
    public void Configure(EntityTypeBuilder<SuccessionPool> builder)
    {
        builder.ToTable("succession_pools");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Position>().WithMany().HasForeignKey(p => p.TargetPositionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TalentMappingRun>().WithMany().HasForeignKey(p => p.MappingRunId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ScoringPolicy>().WithMany().HasForeignKey(p => p.PolicyVersion).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.TargetPositionId);
        builder.Property(p => p.TargetPositionCode).HasMaxLength(Position.CodeMaxLength);
        builder.Property(p => p.Reason).HasConversion<string>().HasMaxLength(32);
        builder.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.PoolId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(p => p.Members).HasField("_members");
    }
}

internal sealed class SuccessionMemberConfiguration : IEntityTypeConfiguration<SuccessionMember>
{
    public void Configure(EntityTypeBuilder<SuccessionMember> builder)
    {
        builder.ToTable("succession_members");
        builder.HasKey(m => new { m.PoolId, m.EmployeeId });
        builder.HasOne<Employee>().WithMany().HasForeignKey(m => m.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.EmployeeId);
        // Two steps racing on one member: the second fails on the row version as a 409 (concurrent-update).
        builder.Property<uint>("Version").IsRowVersion();
        builder.Property(m => m.MappingTotal).HasPrecision(5, 2);
        builder.Property(m => m.TargetJpm).HasPrecision(5, 2);
        builder.Property(m => m.Readiness).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.Gaps).HasColumnType("json")
            .HasConversion(MappingJson.Converter<IReadOnlyList<ReadinessGap>>(), MappingJson.Comparer<IReadOnlyList<ReadinessGap>>());
        builder.Ignore(m => m.EligibleForTarget);
        builder.Property(m => m.IneligibilityReasons).HasColumnType("json")
            .HasConversion(MappingJson.Converter<IReadOnlyList<IneligibilityReason>>(), MappingJson.Comparer<IReadOnlyList<IneligibilityReason>>());
        builder.Property(m => m.Steps).HasColumnType("json")
            .HasConversion(MappingJson.Converter<IReadOnlyList<MemberStepRecord>>(), MappingJson.Comparer<IReadOnlyList<MemberStepRecord>>());
    }
}
