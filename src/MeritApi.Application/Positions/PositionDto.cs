using MeritApi.Domain.Positions;

namespace MeritApi.Application.Positions;

public sealed record CompetencyRequirementDto(string CompetencyCode, int RequiredLevel);

public sealed record PositionDto(
    Guid Id, string Code, string Title, PositionKind Kind, string? MinimumGrade,
    IReadOnlyList<CompetencyRequirementDto> Standard)
{
    public static PositionDto From(Position p) => new(
        p.Id, p.Code, p.Title, p.Kind, p.MinimumGrade?.ToString(),
        [.. p.Standard.OrderBy(r => r.CompetencyCode, StringComparer.Ordinal)
            .Select(r => new CompetencyRequirementDto(r.CompetencyCode, r.RequiredLevel))]);
}
