using MeritApi.Domain.Competencies;

namespace MeritApi.Application.Competencies;

public sealed record CompetencyDto(string Code, string Name, CompetencyCategory Category, string? Description)
{
    public static CompetencyDto From(Competency c) => new(c.Code, c.Name, c.Category, c.Description);
}
