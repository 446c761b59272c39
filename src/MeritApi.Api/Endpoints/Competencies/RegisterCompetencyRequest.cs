using MeritApi.Application.Competencies.Commands.RegisterCompetency;
using MeritApi.Domain.Competencies;

namespace MeritApi.Api.Endpoints.Competencies;

/// <summary>The body of <c>POST /api/v1/competencies</c>; <see cref="Justification"/> only from an administrator.</summary>
public sealed record RegisterCompetencyRequest(string? Code, string? Name, CompetencyCategory? Category, string? Description,
    string? Justification = null)
{
    public RegisterCompetencyCommand ToCommand() => new(Code, Name, Category, Description, Justification);
}
