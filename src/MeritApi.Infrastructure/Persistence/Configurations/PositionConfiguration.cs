using MeritApi.Domain.Competencies;
using MeritApi.Domain.Positions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeritApi.Infrastructure.Persistence.Configurations;

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Code).HasMaxLength(Position.CodeMaxLength);
        builder.Property(p => p.Title).HasMaxLength(Position.TitleMaxLength);
        builder.Property<uint>("Version").IsRowVersion();

        builder.OwnsMany(p => p.Standard, requirement =>
        {
            requirement.ToTable("competency_requirements");
            requirement.WithOwner().HasForeignKey("PositionId");
            requirement.HasKey("PositionId", nameof(CompetencyRequirement.CompetencyCode));
            requirement.Property(r => r.CompetencyCode).HasMaxLength(Competency.CodeMaxLength);
            requirement.HasOne<Competency>().WithMany().HasForeignKey(r => r.CompetencyCode).OnDelete(DeleteBehavior.Restrict);
            requirement.ToTable(t => t.HasCheckConstraint("ck_competency_requirements_level", "required_level BETWEEN 1 AND 5"));
        });
    }
}
