using FluentValidation;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Validation;
using MeritApi.Application.Competencies;
using MeritApi.Domain.Positions;

namespace MeritApi.Application.Positions;

/// <summary>One line of a competency standard as a client sends it.</summary>
public sealed record CompetencyRequirementInput(string? CompetencyCode, int? RequiredLevel);

/// <summary>The rules for a competency standard, shared by creating a position and replacing its standard.</summary>
internal static class CompetencyStandardInput
{
    public static void ValidStandard<T>(this IRuleBuilder<T, IReadOnlyList<CompetencyRequirementInput>?> rule) =>
        rule.NotEmpty()
            .Must(s => s is null || s.Count <= Position.MaxStandardSize)
            .WithMessage($"A competency standard has at most {Position.MaxStandardSize} competencies.")
            .Must(s => s is null || s.Where(r => r is not null).GroupBy(r => r.CompetencyCode).All(g => g.Count() == 1))
            .WithMessage("Each competency appears at most once in a standard.")
            .ForEach(line => line.NotNull().ChildRules(r =>
            {
                r.RuleFor(x => x.CompetencyCode).ValidCompetencyCode();
                r.RuleFor(x => x.RequiredLevel).ValidCompetencyLevel();
            }));

    public static List<(string CompetencyCode, int RequiredLevel)> ToDomain(this IReadOnlyList<CompetencyRequirementInput> standard) =>
        [.. standard.Select(r => (r.CompetencyCode!, r.RequiredLevel!.Value))];

    /// <summary>Every competency a standard names must be in the dictionary.</summary>
    public static async Task EnsureCompetenciesExistAsync(this IApplicationDbContext db, string field,
        IReadOnlyList<CompetencyRequirementInput> standard, CancellationToken cancellationToken)
    {
        var codes = standard.Select(r => r.CompetencyCode!).ToList();
        var unknown = await db.UnknownCompetencyCodesAsync(codes, cancellationToken);
        var index = codes.FindIndex(unknown.Contains);
        if (index >= 0)
            throw RequestValidation.Failure($"{field}[{index}].competencyCode", CompetencyDictionary.NotInDictionary(codes[index]));
    }
}
