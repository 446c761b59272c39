using FluentValidation;
using MeritApi.Domain.Employees;

namespace MeritApi.Application.Employees.Commands.RecordPerformanceRating;

internal sealed class RecordPerformanceRatingCommandValidator : AbstractValidator<RecordPerformanceRatingCommand>
{
    public RecordPerformanceRatingCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.Year)
            .Must(y => y >= Employee.FirstRatingYear && y <= clock.GetUtcNow().Year)
            .WithMessage($"'year' must be between {Employee.FirstRatingYear} and the current year.");
    }
}
