using FluentValidation;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Validation;
using MeritApi.Domain.Employees;

namespace MeritApi.Application.DevelopmentNeeds;

/// <summary>What every inventory query is asked with: a unit, a target position, the day it is judged on.</summary>
public interface IInventoryQuery
{
    string? Unit { get; }
    Guid? TargetPositionId { get; }
    DateOnly? AsOf { get; }
}

internal static class InventoryQueryRules
{
    /// <summary>How far ahead an inventory may be judged: planning next years' reassessments, not fiction.</summary>
    public const int MaxYearsAhead = 5;

    public static void IncludeInventoryRules<T>(this AbstractValidator<T> validator, TimeProvider clock) where T : IInventoryQuery
    {
        validator.RuleFor(q => q.Unit).OptionalText(Employee.UnitMaxLength);
        validator.RuleFor(q => q.TargetPositionId).NotEqual(Guid.Empty).WithMessage("'targetPositionId' must be a position's id.");
        validator.RuleFor(q => q.AsOf)
            .Must(d => d!.Value.Year >= Employee.FirstRatingYear).WithMessage($"'asOf' must be in {Employee.FirstRatingYear} or later.")
            .Must(d => d!.Value <= clock.Today().AddYears(MaxYearsAhead)).WithMessage($"'asOf' may be at most {MaxYearsAhead} years ahead.")
            .When(q => q.AsOf is not null);
    }
}
