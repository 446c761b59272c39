using FluentValidation;
using MeritApi.Domain.Competencies;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;

namespace MeritApi.Application.Common.Validation;

/// <summary>Field rules reused by several commands, so a NIP or a grade is checked the same way everywhere.</summary>
public static class MeritRules
{
    public static IRuleBuilderOptions<T, string?> ValidNip<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Must(Nip.IsValid).WithMessage("A NIP has exactly 18 digits.");

    public static IRuleBuilderOptions<T, string?> ValidGrade<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(g => g is null || Grade.TryParse(g, out _)).WithMessage("'{PropertyValue}' is not a civil-service grade (I/a … IV/e).");

    public static IRuleBuilderOptions<T, string?> ValidCompetencyCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Must(Competency.IsValidCode)
            .WithMessage($"A competency code is upper-case letters, digits and dashes, starting with a letter, at most {Competency.CodeMaxLength} characters.");

    public static IRuleBuilderOptions<T, int?> ValidCompetencyLevel<T>(this IRuleBuilder<T, int?> rule) =>
        rule.NotNull().InclusiveBetween(CompetencyLevel.Min, CompetencyLevel.Max);

    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.NotEmpty().MaximumLength(maxLength).Must(NoControlCharacters)
            .WithMessage("'{PropertyName}' must not contain control characters.");

    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength).Must(NoControlCharacters).WithMessage("'{PropertyName}' must not contain control characters.");

    public static IRuleBuilderOptions<T, TEnum?> RequiredEnum<T, TEnum>(this IRuleBuilder<T, TEnum?> rule) where TEnum : struct, Enum =>
        rule.NotNull().IsInEnum();

    /// <summary>Optional prose (a justification): line breaks and tabs are fine, other control characters are not.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalProse<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength).Must(j => j is null || !j.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t')))
            .WithMessage("'{PropertyName}' must not contain control characters.");

    /// <summary>An optional reference date: a day from the first rating year to today.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> ValidReferenceDate<T>(this IRuleBuilder<T, DateOnly?> rule, TimeProvider clock) =>
        rule.Must(d => d is null || (d.Value.Year >= Employee.FirstRatingYear && d.Value <= clock.Today()))
            .WithMessage($"'{{PropertyName}}' must be a day from {Employee.FirstRatingYear} to today.");

    /// <summary>An optional latest counted SKP year: from the first rating year to the current year.</summary>
    public static IRuleBuilderOptions<T, int?> ValidLatestPerformanceYear<T>(this IRuleBuilder<T, int?> rule, TimeProvider clock) =>
        rule.Must(y => y is null || (y >= Employee.FirstRatingYear && y <= clock.GetUtcNow().Year))
            .WithMessage($"'{{PropertyName}}' must be between {Employee.FirstRatingYear} and the current year.");

    private static bool NoControlCharacters(string? text) => text is null || !text.Any(char.IsControl);
}
