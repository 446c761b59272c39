using MeritApi.Domain.Common;
using MeritApi.Domain.Competencies;

namespace MeritApi.Domain.Employees;

/// <summary>An employee's assessed level in one competency, by an assessing body on a date.</summary>
public sealed class CompetencyAssessment
{
    public const int AssessorMaxLength = 200;

    private CompetencyAssessment() { CompetencyCode = Assessor = string.Empty; } // EF

    internal CompetencyAssessment(Guid id, Guid employeeId, string competencyCode, int level, DateOnly assessedOn,
        string assessor, DateTimeOffset recordedAt)
    {
        Id = id;
        EmployeeId = employeeId;
        CompetencyCode = competencyCode;
        Level = Guard.InRange(level, CompetencyLevel.Min, CompetencyLevel.Max, nameof(level));
        AssessedOn = assessedOn;
        Assessor = Guard.NotBlank(assessor, nameof(assessor), AssessorMaxLength);
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid EmployeeId { get; private set; }
    public string CompetencyCode { get; private set; }
    public int Level { get; private set; }
    public DateOnly AssessedOn { get; private set; }

    /// <summary>The assessing body, e.g. the agency's assessment centre (UPT Penilaian Kompetensi).</summary>
    public string Assessor { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// "The same assessment": the same competency, level, date and assessing body. Recording it again adds no evidence (a
    /// retry, a second sync); a different level on the same day is a correction. The one definition, which the unique
    /// index ix_competency_assessments_same_assessment mirrors for racing requests.
    /// </summary>
    public bool IsSameAs(string competencyCode, int level, DateOnly assessedOn, string assessor) =>
        CompetencyCode == competencyCode && Level == level && AssessedOn == assessedOn && Assessor == assessor.Trim();
}
