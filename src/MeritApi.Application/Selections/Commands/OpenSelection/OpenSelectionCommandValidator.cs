using FluentValidation;
using MeritApi.Application.Common.Validation;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Selections;

namespace MeritApi.Application.Selections.Commands.OpenSelection;

internal sealed class OpenSelectionCommandValidator : AbstractValidator<OpenSelectionCommand>
{
    public OpenSelectionCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.PositionId).NotNull().NotEqual(Guid.Empty);
        RuleFor(c => c.Kind).RequiredEnum();
        RuleFor(c => c.Places).InclusiveBetween(1, Selection.MaxPlaces);
        RuleFor(c => c.PolicyVersion).GreaterThanOrEqualTo(1);
        RuleFor(c => c.LatestPerformanceYear)
            .Must(y => y is null || (y >= Employee.FirstRatingYear && y <= clock.GetUtcNow().Year))
            .WithMessage($"'latestPerformanceYear' must be between {Employee.FirstRatingYear} and the current year.");
        RuleFor(c => c.Reference).OptionalText(Selection.ReferenceMaxLength);
    }
}
