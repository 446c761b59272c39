using MeritApi.Domain.Competencies;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeritApi.Infrastructure.Persistence.Configurations;

internal sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasIndex(e => e.Nip).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(Employee.NameMaxLength);
        builder.Property(e => e.Unit).HasMaxLength(Employee.UnitMaxLength);
        builder.Property<uint>("Version").IsRowVersion();
        // A position someone holds cannot be removed from under them (positions are never deleted anyway).
        builder.HasOne<Position>().WithMany().HasForeignKey(e => e.CurrentPositionId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(e => e.Assessments).WithOne().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.PerformanceRatings).WithOne().HasForeignKey(r => r.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CompetencyAssessmentConfiguration : IEntityTypeConfiguration<CompetencyAssessment>
{
    public const string SameAssessmentIndex = "ix_competency_assessments_same_assessment";

    public void Configure(EntityTypeBuilder<CompetencyAssessment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.CompetencyCode).HasMaxLength(Competency.CodeMaxLength);
        builder.Property(a => a.Assessor).HasMaxLength(CompetencyAssessment.AssessorMaxLength);
        builder.HasOne<Competency>().WithMany().HasForeignKey(a => a.CompetencyCode).OnDelete(DeleteBehavior.Restrict);
        // One row per assessment: the same one again is a duplicate (409), a different level on the same day a correction.
        // Scoring reads the latest assessment of each competency per employee through the same index's leading columns.
        builder.HasIndex(a => new { a.EmployeeId, a.CompetencyCode, a.AssessedOn, a.Assessor, a.Level }).IsUnique()
            .HasDatabaseName(SameAssessmentIndex);
        builder.ToTable(t => t.HasCheckConstraint("ck_competency_assessments_level", "level BETWEEN 1 AND 5"));
    }
}

internal sealed class AnnualPerformanceRatingConfiguration : IEntityTypeConfiguration<AnnualPerformanceRating>
{
    public void Configure(EntityTypeBuilder<AnnualPerformanceRating> builder)
    {
        builder.ToTable("performance_ratings");
        builder.HasKey(r => new { r.EmployeeId, r.Year });
    }
}

internal sealed class DevelopmentActivityConfiguration : IEntityTypeConfiguration<Domain.Development.DevelopmentActivity>
{
    public void Configure(EntityTypeBuilder<Domain.Development.DevelopmentActivity> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<Employee>().WithMany().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Title).HasMaxLength(Domain.Development.DevelopmentActivity.TitleMaxLength);
        builder.Property(a => a.Provider).HasMaxLength(Domain.Development.DevelopmentActivity.ProviderMaxLength);
        builder.Property(a => a.CertificateNumber).HasMaxLength(Domain.Development.DevelopmentActivity.CertificateNumberMaxLength);
        builder.Property(a => a.Jp).HasPrecision(6, 1);
        builder.Ignore(a => a.CompetencyCodes);
        builder.Ignore(a => a.CountsInYear);
        builder.Property<List<string>>("_competencyCodes").HasColumnName("competency_codes").HasColumnType("text[]");
        // "The same activity" (DevelopmentActivity.IsSameAs), for two racing requests; its leading employee column also serves
        // an employee's list and the JP of a year.
        builder.HasIndex(a => new { a.EmployeeId, a.StartDate, a.EndDate, a.Form, a.Title }).IsUnique()
            .HasDatabaseName("ix_development_activities_same_activity");
        builder.HasIndex(a => a.CertificateValidUntil).HasFilter("certificate_valid_until IS NOT NULL");
    }
}

internal sealed class IndividualDevelopmentPlanConfiguration : IEntityTypeConfiguration<Domain.Development.IndividualDevelopmentPlan>
{
    public void Configure(EntityTypeBuilder<Domain.Development.IndividualDevelopmentPlan> builder)
    {
        builder.ToTable("development_plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Employee>().WithMany().HasForeignKey(p => p.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Position>().WithMany().HasForeignKey(p => p.PositionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.EmployeeId, p.CreatedAt });
        // Two progress reports racing on one plan: the loser's revision no longer matches (409 concurrent-update).
        builder.Property(p => p.Revision).IsConcurrencyToken();
        // The gaps are fixed when the plan is made and read back whole.
        builder.Ignore(p => p.Gaps);
        builder.Property<List<Domain.Development.PlanGap>>("_gaps").HasColumnName("gaps").HasColumnType("json")
            .HasConversion(JsonColumn.ListConverter<Domain.Development.PlanGap>(), JsonColumn.ListComparer<Domain.Development.PlanGap>());
        builder.OwnsMany(p => p.Actions, actions =>
        {
            actions.ToTable("development_plan_actions");
            actions.WithOwner().HasForeignKey("plan_id");
            actions.HasKey(a => a.Id);
            actions.Property(a => a.Id).ValueGeneratedNever();
            actions.Property(a => a.CompetencyCode).HasMaxLength(Competency.CodeMaxLength);
            actions.Property(a => a.Title).HasMaxLength(Domain.Development.PlanAction.TitleMaxLength);
        });
        builder.Navigation(p => p.Actions).HasField("_actions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
