using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Competencies;

namespace MeritApi.Application.Positions;

/// <summary>One line of a competency standard: a well-formed competency code and a level of 1 to 5.</summary>
public sealed record CompetencyRequirementInput(string CompetencyCode, int RequiredLevel);

/// <summary>What creating a position and replacing its standard share.</summary>
internal static class CompetencyStandardInput
{
    public static List<(string CompetencyCode, int RequiredLevel)> ToDomain(this IReadOnlyList<CompetencyRequirementInput> standard) =>
        [.. standard.Select(r => (r.CompetencyCode, r.RequiredLevel))];

    /// <summary>Every competency a standard names must be in the dictionary.</summary>
    public static async Task EnsureCompetenciesExistAsync(this IApplicationDbContext db, string field,
        IReadOnlyList<CompetencyRequirementInput> standard, CancellationToken cancellationToken)
    {
        var codes = standard.Select(r => r.CompetencyCode).ToList();
        var unknown = await db.UnknownCompetencyCodesAsync(codes, cancellationToken);
        var index = codes.FindIndex(unknown.Contains);
        if (index >= 0)
            throw RequestValidation.Failure($"{field}[{index}].competencyCode", CompetencyDictionary.NotInDictionary(codes[index]));
    }
}
