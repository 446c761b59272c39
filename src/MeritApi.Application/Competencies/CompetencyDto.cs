using MeritApi.Domain.Competencies;

namespace MeritApi.Application.Competencies;

/// <summary>A competency of the dictionary; <c>vocabularyExemption</c> is set when an administrator approved its non-merit vocabulary.</summary>
public sealed record CompetencyDto(string Code, string Name, CompetencyCategory Category, string? Description,
    VocabularyExemptionDto? VocabularyExemption)
{
    public static CompetencyDto From(Competency c) => new(c.Code, c.Name, c.Category, c.Description,
        c.VocabularyExemption is { } e ? new VocabularyExemptionDto(e.Terms, e.Justification, e.ApprovedBy, e.ApprovedAt) : null);
}

public sealed record VocabularyExemptionDto(IReadOnlyList<string> Terms, string Justification, string ApprovedBy, DateTimeOffset ApprovedAt);
