using FluentValidation;
using MeritApi.Application.Common.Validation;
using MeritApi.Application.Positions;
using MeritApi.Domain.Positions;

namespace MeritApi.Api.Endpoints.Positions;

/// <summary>One line of a competency standard as a client sends it.</summary>
public sealed record CompetencyRequirementRequest(string? CompetencyCode, int? RequiredLevel)
{
    internal CompetencyRequirementInput ToInput() => new(CompetencyCode!, RequiredLevel!.Value);
}

/// <summary>The rules for a competency standard, shared by creating a position and replacing its standard.</summary>
internal static class CompetencyStandardRules
{
    public static void ValidStandard<T>(this IRuleBuilder<T, IReadOnlyList<CompetencyRequirementRequest>?> rule) =>
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

    public static List<CompetencyRequirementInput> ToInputs(this IReadOnlyList<CompetencyRequirementRequest> standard) =>
        [.. standard.Select(r => r.ToInput())];
}
