using MeritApi.Domain.Common;
using MeritApi.Domain.Competencies;

namespace MeritApi.Domain.Positions;

/// <summary>One line of a position's competency standard (standar kompetensi jabatan): the level required.</summary>
public sealed class CompetencyRequirement
{
    private CompetencyRequirement() { CompetencyCode = string.Empty; } // EF

    internal CompetencyRequirement(string competencyCode, int requiredLevel)
    {
        CompetencyCode = competencyCode;
        RequiredLevel = Guard.InRange(requiredLevel, CompetencyLevel.Min, CompetencyLevel.Max, nameof(requiredLevel));
    }

    public string CompetencyCode { get; private set; }
    public int RequiredLevel { get; internal set; }
}
