using MeritApi.Domain.Competencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeritApi.Infrastructure.Persistence.Configurations;

internal sealed class CompetencyConfiguration : IEntityTypeConfiguration<Competency>
{
    public void Configure(EntityTypeBuilder<Competency> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(Competency.CodeMaxLength);
        builder.Property(c => c.Name).HasMaxLength(Competency.NameMaxLength);
        builder.Property(c => c.Description).HasMaxLength(Competency.DescriptionMaxLength);
        builder.OwnsOne(c => c.VocabularyExemption, exception =>
        {
            exception.Property(e => e.Terms).HasColumnName("vocabulary_exemption_terms");
            exception.Property(e => e.Justification).HasColumnName("vocabulary_exemption_justification")
                .HasMaxLength(VocabularyJustification.MaxLength);
            exception.Property(e => e.ApprovedBy).HasColumnName("vocabulary_exemption_approved_by").HasMaxLength(200);
            exception.Property(e => e.ApprovedAt).HasColumnName("vocabulary_exemption_approved_at");
        });
        builder.HasData(NationalCompetencies);
    }

    /// <summary>
    /// The managerial and socio-cultural competencies are national (PermenPANRB 38/2017), so every agency
    /// has them; technical competencies come from each agency's own dictionary.
    /// </summary>
    private static readonly Competency[] NationalCompetencies =
    [
        new("M-INTEGRITY", "Integrity (Integritas)", CompetencyCategory.Managerial),
        new("M-COOPERATION", "Cooperation (Kerja sama)", CompetencyCategory.Managerial),
        new("M-COMMUNICATION", "Communication (Komunikasi)", CompetencyCategory.Managerial),
        new("M-RESULTS", "Results orientation (Orientasi pada hasil)", CompetencyCategory.Managerial),
        new("M-PUBLIC-SERVICE", "Public service (Pelayanan publik)", CompetencyCategory.Managerial),
        new("M-DEVELOPMENT", "Developing self and others (Pengembangan diri dan orang lain)", CompetencyCategory.Managerial),
        new("M-CHANGE", "Managing change (Mengelola perubahan)", CompetencyCategory.Managerial),
        new("M-DECISION", "Decision making (Pengambilan keputusan)", CompetencyCategory.Managerial),
        new("SC-NATIONAL-UNITY", "National unity (Perekat bangsa)", CompetencyCategory.SocioCultural),
    ];
}
