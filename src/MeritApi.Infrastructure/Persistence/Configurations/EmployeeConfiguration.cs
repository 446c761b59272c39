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
